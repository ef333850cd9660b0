package dev.nnj.benchmarks;

import dev.nnj.core.BuiltLayer;
import dev.nnj.core.MaxPool;
import dev.nnj.core.kernels.Convolutions;
import dev.nnj.datasets.Shape;
import java.util.SplittableRandom;
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
 * The convolution and pooling kernels of chapter 6 on one mini-batch, at the book's shapes.
 *
 * <p>{@code conv1} is the first layer, 20 kernels of 5 × 5 over a 28 × 28 MNIST-like image (four in
 * five pixels zero); {@code conv2} the second, 40 kernels of 5 × 5 over the 20 × 12 × 12 pooled
 * ReLU output of the first (half of it zero). {@code forward} is {@code z = w ⊛ x + b} (with the
 * columns it builds), {@code weightGradient} BP4 over the batch, {@code inputGradient} the error
 * carried back to the input; {@code maxPool} the 2 × 2 pool after the layer, forward and backward.
 * A second core is used where the kernels split their work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConvKernels {

  /** Which of the chapter's convolutions. */
  @Param({"conv1", "conv2"})
  public String layer;

  /** The mini-batch size {@code m}. */
  @Param({"10"})
  public int batchSize;

  private Convolutions.Geometry geometry;
  private Convolutions.Workspace workspace;
  private double[] x;
  private double[][] weights;
  private double[] bias;
  private double[] z;
  private double[] delta;
  private double[][] gradient;
  private double[] inputGradient;
  private BuiltLayer.Pass pool;
  private double[] poolGradient;

  @Setup
  public void generate() {
    SplittableRandom random = new SplittableRandom(5);
    geometry = layer.equals("conv1")
        ? new Convolutions.Geometry(1, 28, 28, 5, 20)
        : new Convolutions.Geometry(20, 12, 12, 5, 40);
    int patch = geometry.patch();
        int filters = geometry.filters();
    x = GeneratedData.gaussian(batchSize * geometry.inputSize(), random);
    double zeroShare = layer.equals("conv1") ? 1 - GeneratedData.NON_ZERO_SHARE : 0.5;
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() < zeroShare ? 0.0 : Math.abs(x[i]);
    }
    weights = GeneratedData.weights(patch, filters, random);
    bias = GeneratedData.gaussian(filters, random);
    workspace = new Convolutions.Workspace(geometry, batchSize);
    z = new double[batchSize * geometry.outputSize()];
    delta = GeneratedData.gaussian(batchSize * geometry.outputSize(), random);
    gradient = new double[patch][filters];
    inputGradient = new double[batchSize * geometry.inputSize()];
    Convolutions.forward(workspace, x, batchSize, weights, bias, z);
    pool = new MaxPool(2)
        .build(new Shape(filters, geometry.outHeight(), geometry.outWidth()))
        .pass(batchSize);
    poolGradient = new double[batchSize * geometry.outputSize()];
  }

  @Benchmark
  public double[] forward() {
    Convolutions.forward(workspace, x, batchSize, weights, bias, z);
    return z;
  }

  @Benchmark
  public double[][] weightGradient() {
    Convolutions.weightGradient(workspace, x, delta, batchSize, gradient);
    return gradient;
  }

  @Benchmark
  public double[] inputGradient() {
    Convolutions.inputGradient(workspace, weights, delta, batchSize, inputGradient);
    return inputGradient;
  }

  @Benchmark
  public double[] maxPool() {
    double[] out = pool.forward(z, batchSize, true, null);
    pool.backward(z, out, poolGradient, batchSize);
    return poolGradient;
  }
}
