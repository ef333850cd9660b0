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
