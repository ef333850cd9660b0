package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each kernel against the textbook triple loop, on blocks with zeros, larger than the shapes used. */
class MatricesTest {

  private static final int ROWS = 5;
  private static final int INNER = 7;
  private static final int COLS = 4;
  private static final double SENTINEL = -123.0;
  private final Random random = new Random(1);

  @Test
  void affine_isATimesWPlusBias() {
    double[] a = sparse(ROWS * INNER);
    double[] w = dense(INNER * COLS);
    double[] bias = dense(COLS);
    double[] out = sentinels((ROWS + 1) * COLS);
    Matrices.affine(a, w, bias, out, ROWS, INNER, COLS);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < COLS; j++) {
        double expected = bias[j];
        for (int k = 0; k < INNER; k++) {
          expected += a[i * INNER + k] * w[k * COLS + j];
        }
        assertThat(out[i * COLS + j]).isCloseTo(expected, within(1e-12));
      }
    }
    assertThat(out[ROWS * COLS]).isEqualTo(SENTINEL);
  }

  @Test
  void transposedTimes_isATransposedTimesD() {
    double[] a = sparse(ROWS * INNER);
    double[] d = dense(ROWS * COLS);
    double[] g = sentinels(INNER * COLS + 1);
    Matrices.transposedTimes(a, d, g, ROWS, INNER, COLS);
    for (int k = 0; k < INNER; k++) {
      for (int j = 0; j < COLS; j++) {
        double expected = 0;
        for (int i = 0; i < ROWS; i++) {
          expected += a[i * INNER + k] * d[i * COLS + j];
        }
        assertThat(g[k * COLS + j]).isCloseTo(expected, within(1e-12));
      }
    }
    assertThat(g[INNER * COLS]).isEqualTo(SENTINEL);
  }

  @Test
  void timesTransposed_isDTimesWTransposed() {
    double[] d = dense(ROWS * COLS);
    double[] w = dense(INNER * COLS);
    double[] out = sentinels(ROWS * INNER + 1);
    Matrices.timesTransposed(d, w, out, ROWS, INNER, COLS);
    for (int i = 0; i < ROWS; i++) {
      for (int k = 0; k < INNER; k++) {
        double expected = 0;
        for (int j = 0; j < COLS; j++) {
          expected += d[i * COLS + j] * w[k * COLS + j];
        }
        assertThat(out[i * INNER + k]).isCloseTo(expected, within(1e-12));
      }
    }
    assertThat(out[ROWS * INNER]).isEqualTo(SENTINEL);
  }

  @Test
  void columnSums_addsTheRows() {
    double[] d = {1, 2, 3, 10, 20, 30, 100, 200, 300};
    double[] out = sentinels(3);
    Matrices.columnSums(d, out, 2, 3);
    assertThat(out).containsExactly(11, 22, 33);
  }

  @Test
  void argmax_takesTheFirstOfEqualMaxima() {
    double[] a = {9, 0.1, 0.7, 0.7, 0.2, 9};
    assertThat(Matrices.argmax(a, 1, 4)).isEqualTo(1);
    assertThat(Matrices.argmax(a, 0, 1)).isZero();
  }

  @Test
  void sparseAffine_equalsTheDenseKernelBitForBit() {
    int rows = 6;
    int inner = 9;
    int cols = 21; // two blocks of eight and a remainder of five
    float[] dense = sparseFloats(rows * inner);
    int[] order = {4, 1, 5, 0, 2, 3};
    double[] gathered = gather(dense, order, 1, 4, inner);
    double[] w = dense(inner * cols);
    double[] bias = dense(cols);
    double[] expected = new double[4 * cols];
    Matrices.affine(gathered, w, bias, expected, 4, inner, cols);

    double[] out = sentinels(4 * cols + 1);
    Matrices.sparseAffine(SparseRows.of(dense, rows, inner), order, 1, 4, w, bias, out, cols);

    assertThat(java.util.Arrays.copyOf(out, 4 * cols)).containsExactly(expected);
    assertThat(out[4 * cols]).isEqualTo(SENTINEL);
  }

  @Test
  void sparseTransposedTimes_equalsTheDenseKernelBitForBit() {
    int rows = 6;
    int inner = 9;
    int cols = 7; // a block of four and a remainder of three
    float[] dense = sparseFloats(rows * inner);
    int[] order = {4, 1, 5, 0, 2, 3};
    double[] gathered = gather(dense, order, 2, 3, inner);
    double[] d = dense(3 * cols);
    double[] expected = new double[inner * cols];
    Matrices.transposedTimes(gathered, d, expected, 3, inner, cols);

    double[] g = sentinels(inner * cols);
    Matrices.sparseTransposedTimes(SparseRows.of(dense, rows, inner), order, 2, 3, d, g, cols);

    assertThat(g).containsExactly(expected);
  }

  @Test
  void sparseRows_keepsExactlyTheNonZeroEntries() {
    float[] dense = {0, 1.5f, 0, 2, 0, 0, 0, 0, -3};
    SparseRows sparse = SparseRows.of(dense, 3, 3);
    assertThat(sparse.rows()).isEqualTo(3);
    assertThat(sparse.cols()).isEqualTo(3);
    assertThat(sparse.nonZeros()).isEqualTo(3);
  }

  /** Rows {@code order[first .. first + count)} of {@code dense}, widened to double. */
  private static double[] gather(float[] dense, int[] order, int first, int count, int inner) {
    double[] rows = new double[count * inner];
    for (int r = 0; r < count; r++) {
      for (int k = 0; k < inner; k++) {
        rows[r * inner + k] = dense[order[first + r] * inner + k];
      }
    }
    return rows;
  }

  private float[] sparseFloats(int n) {
    float[] block = new float[n];
    for (int i = 0; i < n; i++) {
      block[i] = random.nextInt(3) == 0 ? random.nextFloat() : 0f;
    }
    return block;
  }

  private double[] dense(int n) {
    double[] block = new double[n];
    for (int i = 0; i < n; i++) {
      block[i] = random.nextGaussian();
    }
    return block;
  }

  private double[] sparse(int n) {
    double[] block = dense(n);
    for (int i = 0; i < n; i += 3) {
      block[i] = 0.0;
    }
    return block;
  }

  private static double[] sentinels(int n) {
    double[] block = new double[n];
    java.util.Arrays.fill(block, SENTINEL);
    return block;
  }
}
