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
