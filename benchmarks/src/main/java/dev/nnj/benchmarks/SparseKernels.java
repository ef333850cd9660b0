package dev.nnj.benchmarks;

import dev.nnj.core.kernels.BatchColumns;
import dev.nnj.core.kernels.Matrices;
import dev.nnj.core.kernels.RowSet;
import dev.nnj.core.kernels.SparseRows;
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
 * The first layer's kernels on one mini-batch of MNIST-like sparse inputs: 784 pixels, about 19 %
 * of them non-zero, feeding {@code outputs} hidden neurons.
 *
 * <p>{@code sparseAffine} is the layer's forward step {@code Z = X · w + b};
 * {@code sparseTransposedTimes} its weight gradient {@code ∂C/∂w = Xᵀ · Δ} (BP4), both reading the
 * batch by example; the {@code columns…} benchmarks are the same two with the batch grouped by
 * input, plus the regrouping itself, as training does for mini-batches of 32 or more. Each returns
 * the array it wrote so that JMH consumes the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SparseKernels {

  /** The hidden layer's size: Nielsen's 30, and the 100 of chapter 1's larger network. */
  @Param({"30", "100"})
  public int outputs;

  /** The mini-batch size {@code m}. */
  @Param({"10", "100"})
  public int batchSize;

  private SparseRows x;
  private int[] order;
  private double[][] w;
  private double[] bias;
  private double[] out;
  private double[][] scratch;
  private double[][] delta;
  private double[][] gradient;
  private RowSet touched;
  private BatchColumns columns;
  private RowSet written;
  private double[][] sums;

  @Setup
  public void generate() {
    x = SparseRows.of(GeneratedData.mnistLikeImages(batchSize, 1), batchSize, GeneratedData.PIXELS);
    order = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(2);
    w = GeneratedData.weights(GeneratedData.PIXELS, outputs, random);
    bias = GeneratedData.gaussian(outputs, random);
    out = new double[batchSize * outputs];
    scratch = new double[2][outputs];
    delta = GeneratedData.weights(batchSize, outputs, random);
    gradient = new double[GeneratedData.PIXELS][outputs];
    touched = new RowSet(GeneratedData.PIXELS);
    columns = new BatchColumns(GeneratedData.PIXELS);
    columns.build(x, order, 0, batchSize);
    written = new RowSet(GeneratedData.PIXELS);
    sums = new double[batchSize][outputs];
  }

  @Benchmark
  public double[] sparseAffine() {
    Matrices.sparseAffine(x, order, 0, batchSize, w, bias, out, outputs, scratch);
    return out;
  }

  @Benchmark
  public double[][] sparseTransposedTimes() {
    Matrices.sparseTransposedTimes(x, order, 0, batchSize, delta, gradient, outputs, touched);
    return gradient;
  }

  /** Regrouping the mini-batch by input, as training does for m ≥ 32, once per batch. */
  @Benchmark
  public BatchColumns buildColumns() {
    columns.build(x, order, 0, batchSize);
    return columns;
  }

  @Benchmark
  public double[] columnsAffine() {
    Matrices.columnsAffine(columns, w, bias, sums, out, outputs);
    return out;
  }

  @Benchmark
  public double[][] columnsTransposedTimes() {
    Matrices.columnsTransposedTimes(columns, delta, gradient, outputs, written);
    return gradient;
  }
}
