package dev.nnj.benchmarks;

import dev.nnj.core.kernels.Matrices;
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
 * The output layer's kernels on one mini-batch: {@code inputs} sigmoid activations of the hidden
 * layer (dense, none zero) feeding 10 output neurons.
 *
 * <p>{@code affine} is the forward step {@code Z = A · w + b}; {@code transposedTimes} the weight
 * gradient {@code ∂C/∂w = Aᵀ · Δ} (BP4); {@code timesTransposed} carries the error back to the
 * hidden layer, {@code Δ · wᵀ} (BP2 before the {@code ⊙ σ'}). Each returns the array it wrote so
 * that JMH consumes the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DenseKernels {

  /** The hidden layer's size, the output layer's inputs. */
  @Param({"30", "100"})
  public int inputs;

  /** The mini-batch size {@code m}. */
  @Param({"10", "100"})
  public int batchSize;

  private static final int OUTPUTS = GeneratedData.CLASSES;

  private double[] activations;
  private double[][] w;
  private double[] bias;
  private double[] out;
  private double[][] scratch;
  private double[][] delta;
  private double[][] gradient;
  private double[] backError;
  private double[] deltaBlock;
  private double[][] transposed;
  private double[][] wideScratch;

  @Setup
  public void generate() {
    SplittableRandom random = new SplittableRandom(3);
    activations = GeneratedData.sigmoidLike(batchSize * inputs, random);
    w = GeneratedData.weights(inputs, OUTPUTS, random);
    bias = GeneratedData.gaussian(OUTPUTS, random);
    out = new double[batchSize * OUTPUTS];
    scratch = new double[2][OUTPUTS];
    delta = GeneratedData.weights(batchSize, OUTPUTS, random);
    gradient = new double[inputs][OUTPUTS];
    backError = new double[batchSize * inputs];
    deltaBlock = new double[batchSize * OUTPUTS];
    for (int i = 0; i < batchSize; i++) {
      System.arraycopy(delta[i], 0, deltaBlock, i * OUTPUTS, OUTPUTS);
    }
    transposed = new double[OUTPUTS][inputs];
    wideScratch = new double[2][inputs];
  }

  @Benchmark
  public double[] affine() {
    Matrices.affine(activations, batchSize, inputs, w, bias, out, OUTPUTS, scratch);
    return out;
  }

  @Benchmark
  public double[][] transposedTimes() {
    Matrices.transposedTimes(activations, batchSize, inputs, delta, gradient, OUTPUTS);
    return gradient;
  }

  @Benchmark
  public double[] timesTransposed() {
    Matrices.timesTransposed(deltaBlock, batchSize, w, inputs, backError, OUTPUTS, transposed,
        wideScratch);
    return backError;
  }
}
