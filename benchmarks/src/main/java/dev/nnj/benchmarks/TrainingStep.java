package dev.nnj.benchmarks;

import dev.nnj.activations.Sigmoid;
import dev.nnj.core.Backpropagation;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.costs.Quadratic;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One mini-batch's gradient, {@link Backpropagation#computeGradients(double[], double[], int)}, on
 * chapter 1's network {@code [784, hidden, 10]}: sigmoid everywhere, quadratic cost.
 *
 * <p>The public entry point takes dense inputs, so the first layer runs the dense kernels
 * ({@code affine}, {@code transposedTimes}), which skip zero pixels one by one; training itself
 * goes through the sparse ones, which {@link TrainingEpoch} measures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStep {

  /** The hidden layer's size {@code H}. */
  @Param({"30", "100"})
  public int hidden;

  /** The mini-batch size {@code m}. */
  @Param({"10", "100"})
  public int batchSize;

  private Backpropagation backpropagation;
  private double[] x;
  private double[] y;

  @Setup
  public void generate() {
    NetworkSpec spec = NetworkSpec.of(
        List.of(GeneratedData.PIXELS, hidden, GeneratedData.CLASSES), new Sigmoid());
    backpropagation = new Backpropagation(Network.initialised(spec, 4), new Quadratic(), batchSize);
    float[] images = GeneratedData.mnistLikeImages(batchSize, 5);
    x = new double[images.length];
    for (int p = 0; p < images.length; p++) {
      x[p] = images[p];
    }
    y = GeneratedData.oneHot(GeneratedData.labels(batchSize, 6));
  }

  /** Returns the batch's cost; the gradients land in the workspace, which the state keeps. */
  @Benchmark
  public double computeGradients() {
    return backpropagation.computeGradients(x, y, batchSize);
  }
}
