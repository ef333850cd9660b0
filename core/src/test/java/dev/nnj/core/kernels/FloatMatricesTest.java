package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each float kernel bit for bit against the textbook loop in float, in the order the kernels
 * document (terms by increasing index, each product and sum rounded to float, zero factors
 * skipped); the sparse and grouped kernels against the dense ones; sizes small enough for one
 * thread and large enough to split over two and to take the narrow rows' Vector API path.
 */
class FloatMatricesTest {

  private final Random random = new Random(3);

  /** rows, inner, cols: one thread; split over two (≥ 3·10⁵ multiply-adds); narrow rows of 10. */
  @ParameterizedTest
  @CsvSource({"5, 7, 11", "5, 7, 40", "64, 300, 40", "40, 300, 10", "40, 300, 30"})
  void affine_isTheFloatLoopInOrder(int rows, int inner, int cols) {
    double[] a = activations(rows * inner);
    float[][] w = weights(inner, cols);
    float[] bias = weights(1, cols)[0];
    double[] out = new double[rows * cols];
    FloatMatrices.affine(a, rows, inner, w, bias, out, cols, scratch(inner, cols));
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        float expected = bias[j];
        for (int k = 0; k < inner; k++) {
          float x = (float) a[i * inner + k];
          if (x != 0f) {
            expected += x * w[k][j];
          }
        }
        assertThat(out[i * cols + j]).as("out[%d][%d]", i, j).isEqualTo((double) expected);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 7, 11", "5, 7, 40", "64, 300, 40", "40, 300, 10", "300, 40, 10"})
  void transposedTimes_isTheFloatLoopInOrder(int rows, int inner, int cols) {
    double[] a = activations(rows * inner);
    float[][] d = weights(rows, cols);
    float[][] g = weights(inner, cols); // overwritten
    FloatMatrices.transposedTimes(a, rows, inner, d, g, cols);
    for (int k = 0; k < inner; k++) {
      for (int j = 0; j < cols; j++) {
        float expected = 0f;
        for (int i = 0; i < rows; i++) {
          float x = (float) a[i * inner + k];
          if (x != 0f) {
            expected += x * d[i][j];
          }
        }
        assertThat(g[k][j]).as("g[%d][%d]", k, j).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"5, 7, 11", "64, 300, 40", "40, 10, 300"})
  void timesTransposed_isTheFloatLoopInOrder(int rows, int inner, int cols) {
    double[] d = activations(rows * cols);
    float[][] w = weights(inner, cols);
    double[] out = new double[rows * inner];
    FloatMatrices.timesTransposed(d, rows, w, inner, out, cols, new float[cols][inner],
        scratch(inner, cols));
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < inner; k++) {
        float expected = 0f;
        for (int j = 0; j < cols; j++) {
          float x = (float) d[i * cols + j];
          if (x != 0f) {
            expected += x * w[k][j];
          }
        }
        assertThat(out[i * inner + k]).as("out[%d][%d]", i, k).isEqualTo((double) expected);
      }
    }
  }

  /** The sparse and grouped forms of a batch give the dense kernels' bits, one thread or two. */
  @ParameterizedTest
  @CsvSource({"10, 784, 30", "10, 784, 100", "100, 784, 100", "40, 50, 10"})
  void sparseAndGroupedKernels_giveTheDenseBits(int rows, int inner, int cols) {
    int examples = rows + 7;
    float[] pixels = new float[examples * inner];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(5) == 0 ? random.nextFloat() : 0f;
    }
    SparseRows x = SparseRows.of(pixels, examples, inner);
    int[] order = new int[examples];
    for (int r = 0; r < examples; r++) {
      order[r] = (r * 5 + 3) % examples;
    }
    int first = 4;
    double[] dense = new double[rows * inner];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < inner; k++) {
        dense[r * inner + k] = pixels[order[first + r] * inner + k];
      }
    }
    float[][] w = weights(inner, cols);
    float[] bias = weights(1, cols)[0];
    float[][] scratch = scratch(inner, cols);

    double[] expected = new double[rows * cols];
    FloatMatrices.affine(dense, rows, inner, w, bias, expected, cols, scratch);
    double[] bySparse = new double[rows * cols];
    FloatMatrices.sparseAffine(x, order, first, rows, w, bias, bySparse, cols, scratch);
    BatchColumns grouped = new BatchColumns(inner);
    grouped.build(x, order, first, rows);
    double[] byGroups = new double[rows * cols];
    FloatMatrices.columnsAffine(grouped, w, bias, new float[rows][cols], byGroups, cols);
    assertThat(bySparse).isEqualTo(expected);
    assertThat(byGroups).isEqualTo(expected);

    float[][] d = weights(rows, cols);
    float[][] gradient = new float[inner][cols];
    FloatMatrices.transposedTimes(dense, rows, inner, d, gradient, cols);
    // Twice each, so that the second call clears what the first touched.
    float[][] sparseGradient = new float[inner][cols];
    RowSet touched = new RowSet(inner);
    FloatMatrices.sparseTransposedTimes(x, order, 0, rows, d, sparseGradient, cols, touched);
    FloatMatrices.sparseTransposedTimes(x, order, first, rows, d, sparseGradient, cols, touched);
    float[][] groupedGradient = new float[inner][cols];
    RowSet groupedTouched = new RowSet(inner);
    BatchColumns other = new BatchColumns(inner);
    other.build(x, order, 0, rows);
    FloatMatrices.columnsTransposedTimes(other, d, groupedGradient, cols, groupedTouched);
    FloatMatrices.columnsTransposedTimes(grouped, d, groupedGradient, cols, groupedTouched);
    assertThat(sparseGradient).isDeepEqualTo(gradient);
    assertThat(groupedGradient).isDeepEqualTo(gradient);
  }

  @Test
  void toRows_roundsEachValueToFloat() {
    double[] block = {0.1, -2.5, 1e-50, 3.0, Double.MAX_VALUE, -0.0};
    float[][] rows = new float[2][3];
    FloatMatrices.toRows(block, 2, 3, rows);
    assertThat(rows[0]).containsExactly(0.1f, -2.5f, 0f);
    assertThat(rows[1]).containsExactly(3f, Float.POSITIVE_INFINITY, -0f);
  }

  /** The Vector API at the machine's width, at 256 bits and plain loops: the same bits. */
  @Test
  void floatKernels_giveTheSameBitsOnEveryPath() throws Exception {
    List<String> digests = KernelPaths.digests(Digest.class, List.of("1", "2"));
    assertThat(digests).hasSize(6).containsOnly(digests.get(0));
  }

  /** Prints a digest of the float kernels' results on fixed data; run in a child JVM. */
  static final class Digest {
    public static void main(String[] args) {
      Random random = new Random(11);
      long hash = 17;
      int rows = 40;
      int inner = 300; // 40 · 300 · 10 ≥ 10⁵ multiply-adds: the narrow rows' path from 8 columns
      for (int cols : new int[] {4, 8, 10, 17, 30, 32, 33, 100}) {
        double[] a = new double[rows * inner];
        for (int i = 0; i < a.length; i++) {
          a[i] = random.nextInt(2) == 0 ? 0.0 : random.nextGaussian();
        }
        float[][] w = new float[inner][cols];
        for (float[] row : w) {
          for (int j = 0; j < cols; j++) {
            row[j] = (float) random.nextGaussian();
          }
        }
        float[] bias = new float[cols];
        float[][] d = new float[rows][cols];
        for (float[] row : d) {
          for (int j = 0; j < cols; j++) {
            row[j] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
          }
        }
        float[][] scratch = new float[2][Math.max(inner, cols)];
        double[] out = new double[rows * cols];
        FloatMatrices.affine(a, rows, inner, w, bias, out, cols, scratch);
        float[][] g = new float[inner][cols];
        FloatMatrices.transposedTimes(a, rows, inner, d, g, cols);
        double[] flat = new double[inner * cols];
        for (int k = 0; k < inner; k++) {
          for (int j = 0; j < cols; j++) {
            flat[k * cols + j] = g[k][j];
          }
        }
        hash = KernelPaths.hash(KernelPaths.hash(hash, out), flat);
      }
      System.out.println(Long.toHexString(hash) + " bits=" + Tiles.vectorBits());
    }
  }

  /** ReLU-like activations: about a third zero, a few −0.0, the rest of both signs. */
  private double[] activations(int n) {
    double[] block = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(30);
      block[i] = kind < 10 ? 0.0 : kind == 10 ? -0.0 : random.nextGaussian();
    }
    return block;
  }

  private float[][] weights(int rows, int cols) {
    float[][] matrix = new float[rows][cols];
    for (float[] row : matrix) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return matrix;
  }

  private static float[][] scratch(int inner, int cols) {
    return new float[2][Math.max(inner, cols)];
  }
}
