package dev.nnj.core.kernels;

import java.util.Arrays;

/**
 * The dense matrix kernels of nnj: every hot loop of feedforward and backpropagation.
 *
 * <p>Matrices are row-major {@code double[]} blocks whose shape the caller passes; only the first
 * {@code rows × cols} entries are read or written, so workspaces sized for the largest mini-batch
 * serve a shorter last batch too. Each kernel runs its innermost loop over a contiguous row, the
 * form HotSpot's C2 compiler vectorises, and skips zero entries of its left operand: four in five
 * MNIST pixels are zero, so the input layer costs a fifth of its dense count.
 *
 * <p>Kernels allocate nothing and are thread-safe for disjoint outputs.
 */
public final class Matrices {

  private Matrices() {}

  /**
   * {@code out = a · w + bias}, the bias added to every row.
   *
   * @param a {@code rows × inner}
   * @param w {@code inner × cols}
   * @param bias {@code cols}
   * @param out {@code rows × cols}, overwritten
   */
  public static void affine(
      double[] a, double[] w, double[] bias, double[] out, int rows, int inner, int cols) {
    for (int i = 0; i < rows; i++) {
      int outRow = i * cols;
      System.arraycopy(bias, 0, out, outRow, cols);
      int aRow = i * inner;
      for (int k = 0; k < inner; k++) {
        double x = a[aRow + k];
        if (x != 0.0) {
          int wRow = k * cols;
          for (int j = 0; j < cols; j++) {
            out[outRow + j] += x * w[wRow + j];
          }
        }
      }
    }
  }

  /**
   * {@code g = aᵀ · d}, summing over the rows of {@code a} and {@code d}.
   *
   * @param a {@code rows × inner}
   * @param d {@code rows × cols}
   * @param g {@code inner × cols}, overwritten
   */
  public static void transposedTimes(
      double[] a, double[] d, double[] g, int rows, int inner, int cols) {
    Arrays.fill(g, 0, inner * cols, 0.0);
    for (int i = 0; i < rows; i++) {
      int aRow = i * inner;
      int dRow = i * cols;
      for (int k = 0; k < inner; k++) {
        double x = a[aRow + k];
        if (x != 0.0) {
          int gRow = k * cols;
          for (int j = 0; j < cols; j++) {
            g[gRow + j] += x * d[dRow + j];
          }
        }
      }
    }
  }

  /**
   * {@code out = d · wᵀ}.
   *
   * @param d {@code rows × cols}
   * @param w {@code inner × cols}
   * @param out {@code rows × inner}, overwritten
   */
  public static void timesTransposed(
      double[] d, double[] w, double[] out, int rows, int inner, int cols) {
    for (int i = 0; i < rows; i++) {
      int dRow = i * cols;
      int outRow = i * inner;
      for (int k = 0; k < inner; k++) {
        int wRow = k * cols;
        double sum = 0.0;
        for (int j = 0; j < cols; j++) {
          sum += d[dRow + j] * w[wRow + j];
        }
        out[outRow + k] = sum;
      }
    }
  }

  /**
   * {@code out[j] = Σ_i d[i][j]}, the sum of the rows.
   *
   * @param d {@code rows × cols}
   * @param out {@code cols}, overwritten
   */
  public static void columnSums(double[] d, double[] out, int rows, int cols) {
    Arrays.fill(out, 0, cols, 0.0);
    for (int i = 0; i < rows; i++) {
      int dRow = i * cols;
      for (int j = 0; j < cols; j++) {
        out[j] += d[dRow + j];
      }
    }
  }

  /**
   * {@code out = X · w + bias} for the rows {@code order[first .. first + count)} of a sparse
   * {@code X}: only non-zero inputs are multiplied.
   *
   * <p>Eight outputs at a time are accumulated in registers while the row's non-zero entries are
   * read once per block. (HotSpot's C2 in Java 17 does not vectorise a loop whose two arrays are
   * read at different offsets, so a register-blocked scalar loop is the fastest form here.)
   *
   * @param w {@code x.cols() × cols}
   * @param bias {@code cols}
   * @param out {@code count × cols}, overwritten
   */
  public static void sparseAffine(
      SparseRows x, int[] order, int first, int count, double[] w, double[] bias, double[] out,
      int cols) {
    int[] rowStart = x.rowStart;
    int[] columns = x.columns;
    float[] values = x.values;
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      int start = rowStart[row];
      int end = rowStart[row + 1];
      int outRow = r * cols;
      int j = 0;
      for (; j + 8 <= cols; j += 8) {
        double a0 = bias[j], a1 = bias[j + 1], a2 = bias[j + 2], a3 = bias[j + 3];
        double a4 = bias[j + 4], a5 = bias[j + 5], a6 = bias[j + 6], a7 = bias[j + 7];
        for (int p = start; p < end; p++) {
          double v = values[p];
          int at = columns[p] * cols + j;
          a0 += v * w[at];
          a1 += v * w[at + 1];
          a2 += v * w[at + 2];
          a3 += v * w[at + 3];
          a4 += v * w[at + 4];
          a5 += v * w[at + 5];
          a6 += v * w[at + 6];
          a7 += v * w[at + 7];
        }
        out[outRow + j] = a0;
        out[outRow + j + 1] = a1;
        out[outRow + j + 2] = a2;
        out[outRow + j + 3] = a3;
        out[outRow + j + 4] = a4;
        out[outRow + j + 5] = a5;
        out[outRow + j + 6] = a6;
        out[outRow + j + 7] = a7;
      }
      for (; j < cols; j++) {
        double a = bias[j];
        for (int p = start; p < end; p++) {
          a += values[p] * w[columns[p] * cols + j];
        }
        out[outRow + j] = a;
      }
    }
  }

  /**
   * {@code g = Xᵀ · d} for the rows {@code order[first .. first + count)} of a sparse {@code X}:
   * only the rows of {@code g} at non-zero inputs receive anything.
   *
   * @param d {@code count × cols}
   * @param g {@code x.cols() × cols}, overwritten
   */
  public static void sparseTransposedTimes(
      SparseRows x, int[] order, int first, int count, double[] d, double[] g, int cols) {
    Arrays.fill(g, 0, x.cols() * cols, 0.0);
    int[] rowStart = x.rowStart;
    int[] columns = x.columns;
    float[] values = x.values;
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      int start = rowStart[row];
      int end = rowStart[row + 1];
      int dRow = r * cols;
      int j = 0;
      for (; j + 4 <= cols; j += 4) {
        double d0 = d[dRow + j], d1 = d[dRow + j + 1], d2 = d[dRow + j + 2], d3 = d[dRow + j + 3];
        for (int p = start; p < end; p++) {
          double v = values[p];
          int at = columns[p] * cols + j;
          g[at] += v * d0;
          g[at + 1] += v * d1;
          g[at + 2] += v * d2;
          g[at + 3] += v * d3;
        }
      }
      for (; j < cols; j++) {
        double dj = d[dRow + j];
        for (int p = start; p < end; p++) {
          g[columns[p] * cols + j] += values[p] * dj;
        }
      }
    }
  }

  /** The index of the largest of {@code a[offset .. offset + length)}; the first one on ties. */
  public static int argmax(double[] a, int offset, int length) {
    int best = 0;
    for (int j = 1; j < length; j++) {
      if (a[offset + j] > a[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
