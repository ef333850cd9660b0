package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The convolution kernels compute their definitions: the forward pass and the weight gradient to
 * the bit (one chain of {@code fma} in the documented order), the input gradient to rounding; and
 * they give the same bits with one thread or two, with the Vector API or without.
 */
class ConvolutionsTest {

  /** Output rows of 7 (panels of eight positions cross rows) and of 8 (they do not). */
  @ParameterizedTest
  @ValueSource(ints = {9, 10})
  void kernels_computeTheirDefinitions(int width) {
    Convolutions.Geometry g = new Convolutions.Geometry(3, 6, width, 3, 5);
    int rows = 2;
    Batch batch = new Batch(g, rows, 21);
    batch.run();
    int positions = g.positions();
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < g.filters(); f++) {
        for (int j = 0; j < positions; j++) {
          double z = batch.bias[f];
          for (int p = 0; p < g.patch(); p++) {
            z = Math.fma(batch.weights[p][f], batch.column(r, p, j), z);
          }
          assertThat(batch.z[(r * g.filters() + f) * positions + j])
              .as("z[%d][%d][%d]", r, f, j).isEqualTo(z);
        }
      }
    }
    for (int p = 0; p < g.patch(); p++) {
      for (int f = 0; f < g.filters(); f++) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
          for (int j = 0; j < positions; j++) {
            sum = Math.fma(batch.column(r, p, j),
                batch.delta[(r * g.filters() + f) * positions + j], sum);
          }
        }
        assertThat(batch.gradient[p][f]).as("∂C/∂w[%d][%d]", p, f).isEqualTo(sum);
      }
    }
    double[] expected = new double[batch.x.length];
    for (int r = 0; r < rows; r++) {
      for (int p = 0; p < g.patch(); p++) {
        for (int j = 0; j < positions; j++) {
          double sum = 0.0;
          for (int f = 0; f < g.filters(); f++) {
            sum += batch.weights[p][f] * batch.delta[(r * g.filters() + f) * positions + j];
          }
          expected[batch.source(r, p, j)] += sum;
        }
      }
    }
    for (int i = 0; i < expected.length; i++) {
      assertThat(batch.inputGradient[i]).as("∂C/∂x[%d]", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  /**
   * Pooled errors (one per 2 × 2 window, with the windows' maxima) give the bits of the errors
   * spread out by hand, zero off the maxima, for BP4 and the input gradient (panels of positions
   * inside rows, width 8, and across them, width 6); BP3 is each filter's chain over examples,
   * then positions.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 6})
  void pooledErrors_giveTheBitsOfTheSpreadOnes(int outWidth) {
    Convolutions.Geometry g = new Convolutions.Geometry(3, 6, outWidth + 2, 3, 10);
    int rows = 3;
    Batch batch = new Batch(g, rows, 8);
    batch.run();
    Random random = new Random(4);
    int windows = g.positions() / 4;
    double[] pooled = new double[rows * g.filters() * windows];
    int[] argmax = new int[pooled.length];
    double[] spread = new double[rows * g.outputSize()];
    for (int o = 0; o < pooled.length; o++) {
      int f = o / windows % g.filters();
      int w = o % windows;
      int corner = (w / (outWidth / 2)) * 2 * outWidth + (w % (outWidth / 2)) * 2;
      int at = corner + random.nextInt(2) * outWidth + random.nextInt(2);
      pooled[o] = random.nextInt(5) == 0 ? -0.0 : random.nextGaussian();
      argmax[o] = f * g.positions() + at;
      spread[o / windows * g.positions() + at] = 0.0 + pooled[o];
    }
    double[][] fromSpread = new double[g.patch()][g.filters()];
    Convolutions.weightGradient(batch.workspace, batch.x, spread, rows, fromSpread);
    double[] inputFromSpread = new double[batch.x.length];
    Convolutions.inputGradient(batch.workspace, batch.weights, spread, rows, inputFromSpread);

    double[][] fromPooled = new double[g.patch()][g.filters()];
    double[] bias = new double[g.filters()];
    Convolutions.gradients(batch.workspace, batch.x, pooled, argmax, 2, rows, fromPooled, bias);
    double[] inputFromPooled = new double[batch.x.length];
    Convolutions.inputGradient(batch.workspace, batch.weights, pooled, argmax, 2, rows,
        inputFromPooled);

    assertThat(fromPooled).isDeepEqualTo(fromSpread);
    assertThat(inputFromPooled).isEqualTo(inputFromSpread);
    for (int f = 0; f < g.filters(); f++) {
      double sum = 0.0;
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < g.positions(); j++) {
          sum += spread[(r * g.filters() + f) * g.positions() + j];
        }
      }
      assertThat(bias[f]).as("∂C/∂b[%d]", f).isEqualTo(sum);
    }
  }

  @Test
  void aShorterBatch_afterALongerOne_isComputedAfresh() {
    Convolutions.Geometry g = new Convolutions.Geometry(2, 5, 7, 3, 6);
    Batch big = new Batch(g, 4, 5);
    big.run();
    Batch small = new Batch(g, 1, 5);
    small.run();
    // The same workspace for the short batch after the long one.
    big.rows = 1;
    System.arraycopy(small.x, 0, big.x, 0, small.x.length);
    System.arraycopy(small.delta, 0, big.delta, 0, small.delta.length);
    System.arraycopy(small.bias, 0, big.bias, 0, small.bias.length);
    for (int p = 0; p < g.patch(); p++) {
      System.arraycopy(small.weights[p], 0, big.weights[p], 0, g.filters());
    }
    big.run();
    assertThat(Arrays.copyOf(big.z, small.z.length)).isEqualTo(small.z);
    assertThat(big.gradient).isDeepEqualTo(small.gradient);
    assertThat(Arrays.copyOf(big.inputGradient, small.inputGradient.length))
        .isEqualTo(small.inputGradient);
  }

  /**
   * Chapter 6's second convolution on a batch of ten, large enough to be split, in six JVMs: one
   * thread or two; the Vector API at the machine's width, at four doubles, or plain loops. All
   * six give the same bits.
   */
  @Test
  void results_areTheSameWhateverTheThreadsAndThePath() throws Exception {
    List<String> digests = KernelPaths.digests(Digest.class, List.of("1", "2"));
    assertThat(digests).hasSize(6).containsOnly(digests.get(0));
  }

  /** Prints a digest of the three kernels' results on a fixed batch; run in a child JVM. */
  static final class Digest {
    public static void main(String[] args) {
      System.out.println(of());
    }

    static String of() {
      Batch batch = new Batch(new Convolutions.Geometry(20, 12, 12, 5, 40), 10, 3);
      batch.run();
      double[][] all = {batch.z, batch.inputGradient, Arrays.stream(batch.gradient)
          .flatMapToDouble(Arrays::stream).toArray()};
      long hash = 17;
      for (double[] block : all) {
        hash = KernelPaths.hash(hash, block);
      }
      return Long.toHexString(hash) + " bits=" + Tiles.vectorBits();
    }
  }

  /** A batch of inputs, weights and errors, and what the kernels made of them. */
  private static final class Batch {
    final Convolutions.Geometry g;
    final Convolutions.Workspace workspace;
    int rows;
    final double[] x;
    final double[][] weights;
    final double[] bias;
    final double[] delta;
    final double[] z;
    final double[][] gradient;
    final double[] inputGradient;

    Batch(Convolutions.Geometry g, int rows, long seed) {
      this.g = g;
      this.rows = rows;
      Random random = new Random(seed);
      workspace = new Convolutions.Workspace(g, rows);
      x = new double[rows * g.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = random.nextInt(3) == 0 ? 0.0 : random.nextGaussian(); // some zeros, as ReLUs give
      }
      weights = new double[g.patch()][g.filters()];
      for (double[] row : weights) {
        for (int f = 0; f < row.length; f++) {
          row[f] = random.nextGaussian();
        }
      }
      bias = new double[g.filters()];
      for (int f = 0; f < bias.length; f++) {
        bias[f] = random.nextGaussian();
      }
      delta = new double[rows * g.outputSize()];
      for (int i = 0; i < delta.length; i++) {
        delta[i] = random.nextGaussian();
      }
      z = new double[delta.length];
      gradient = new double[g.patch()][g.filters()];
      inputGradient = new double[x.length];
    }

    void run() {
      Convolutions.forward(workspace, x, rows, weights, bias, z);
      Convolutions.weightGradient(workspace, x, delta, rows, gradient);
      Convolutions.inputGradient(workspace, weights, delta, rows, inputGradient);
    }

    /** The index in {@code x} of patch value {@code p} at output position {@code j} of example r. */
    int source(int r, int p, int j) {
      int k = g.kernel();
      int c = p / (k * k);
      int dy = p / k % k;
      int dx = p % k;
      int oy = j / g.outWidth();
      int ox = j % g.outWidth();
      return r * g.inputSize() + (c * g.height() + oy + dy) * g.width() + ox + dx;
    }

    double column(int r, int p, int j) {
      return x[source(r, p, j)];
    }
  }
}
