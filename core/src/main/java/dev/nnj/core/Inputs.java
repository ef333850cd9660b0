package dev.nnj.core;

import dev.nnj.core.kernels.Matrices;
import dev.nnj.core.kernels.RowSet;
import dev.nnj.core.kernels.SparseRows;

/**
 * The examples of a mini-batch as they enter the first layer: the one place where the layer's
 * kernels depend on how the inputs are stored.
 */
interface Inputs {

  /** The number of examples. */
  int rows();

  /** {@code out = X · w + bias}: the first layer's weighted inputs. */
  void affine(double[][] w, double[] bias, double[] out, int cols, double[][] scratch);

  /**
   * {@code g = Xᵀ · d}: the first layer's weight gradient; {@code d} as rows. Sparse inputs leave
   * the rows of inputs that are zero throughout the batch at zero without visiting them, so
   * {@code g} must be the same array from one call to the next.
   */
  void transposedTimes(double[][] d, double[][] g, int cols);

  /**
   * Writes into {@code rows} the indices of the rows of the last {@link #transposedTimes}'s
   * gradient that may be non-zero, and returns how many; every other row is zero.
   */
  int gradientRows(int[] rows);

  /** Dense rows, one example per row of a row-major block. */
  final class Dense implements Inputs {
    private final double[] x;
    private final int rows;
    private final int width;

    Dense(double[] x, int rows, int width) {
      this.x = x;
      this.rows = rows;
      this.width = width;
    }

    @Override
    public int rows() {
      return rows;
    }

    @Override
    public void affine(double[][] w, double[] bias, double[] out, int cols, double[][] scratch) {
      Matrices.affine(x, rows, width, w, bias, out, cols, scratch);
    }

    @Override
    public void transposedTimes(double[][] d, double[][] g, int cols) {
      Matrices.transposedTimes(x, rows, width, d, g, cols);
    }

    @Override
    public int gradientRows(int[] rows) {
      for (int k = 0; k < width; k++) {
        rows[k] = k;
      }
      return width;
    }
  }

  /**
   * Rows {@code order[first .. first + rows)} of a sparse dataset: a cursor that training moves
   * from one mini-batch to the next without copying the examples.
   */
  final class Sparse implements Inputs {
    private final SparseRows data;
    private final int[] order;
    /** The gradient rows the last mini-batch touched: its examples' non-zero inputs. */
    private final RowSet touched;
    private int first;
    private int rows;

    Sparse(SparseRows data, int[] order) {
      this.data = data;
      this.order = order;
      this.touched = new RowSet(data.cols());
    }

    /** Points this cursor at the next mini-batch. */
    Sparse select(int first, int rows) {
      this.first = first;
      this.rows = rows;
      return this;
    }

    @Override
    public int rows() {
      return rows;
    }

    @Override
    public void affine(double[][] w, double[] bias, double[] out, int cols, double[][] scratch) {
      Matrices.sparseAffine(data, order, first, rows, w, bias, out, cols, scratch);
    }

    @Override
    public void transposedTimes(double[][] d, double[][] g, int cols) {
      Matrices.sparseTransposedTimes(data, order, first, rows, d, g, cols, touched);
    }

    @Override
    public int gradientRows(int[] rows) {
      for (int i = 0; i < touched.size(); i++) {
        rows[i] = touched.get(i);
      }
      return touched.size();
    }
  }
}
