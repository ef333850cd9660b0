package dev.nnj.core;

import dev.nnj.core.kernels.BatchColumns;
import dev.nnj.core.kernels.FloatMatrices;
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

  /** {@link #affine(double[][], double[], double[], int, double[][])} for weights in float. */
  void affine(float[][] w, float[] bias, double[] out, int cols, float[][] scratch);

  /** {@link #transposedTimes(double[][], double[][], int)} for a gradient in float. */
  void transposedTimes(float[][] d, float[][] g, int cols);

  /**
   * Writes into {@code rows} the indices of the rows of the last {@link #transposedTimes}'s
   * gradient that may be non-zero, and returns how many; every other row is zero.
   */
  int gradientRows(int[] rows);

  /** Writes the examples as dense rows, {@code rows() × width}, into {@code into}. */
  void copyTo(double[] into);

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
    public void affine(float[][] w, float[] bias, double[] out, int cols, float[][] scratch) {
      FloatMatrices.affine(x, rows, width, w, bias, out, cols, scratch);
    }

    @Override
    public void transposedTimes(float[][] d, float[][] g, int cols) {
      FloatMatrices.transposedTimes(x, rows, width, d, g, cols);
    }

    @Override
    public void copyTo(double[] into) {
      System.arraycopy(x, 0, into, 0, rows * width);
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
   *
   * <p>A training cursor regroups mini-batches of {@link #GROUPED_FROM} examples or more by input
   * ({@link BatchColumns}), so that each weight row is fetched once per batch rather than once
   * per example using it; the sums are the same, added in the same order, so results do not
   * depend on the choice. Measured with {@code ./nnj bench}: 1.3–1.5× faster per epoch for
   * m = 32 and m = 100, none or slower for m = 10 and m = 16, where regrouping costs more than
   * it saves.
   *
   * <p>Training shuffles the examples every epoch, so that a mini-batch's examples lie anywhere
   * in the data, and reading each one starts with a miss in every cache: measured, a fifth of a
   * training run at m = 100 went on those misses (in the regrouping, which reads the examples
   * first). {@link #arrange} therefore copies the data into the epoch's order once per epoch, and
   * the mini-batches are then read front to back. The same examples in the same order: the same
   * bits.
   */
  final class Sparse implements Inputs {
    /** The smallest mini-batch a training cursor regroups by input. */
    static final int GROUPED_FROM = 32;

    private final SparseRows data;
    private final int[] order;
    /**
     * What the kernels read: {@code data} by {@code order}, or after {@link #arrange} the copy
     * in the epoch's order, by the identity.
     */
    private SparseRows rowsRead;
    private int[] positions;
    /** The gradient rows the last mini-batch touched: its examples' non-zero inputs. */
    private final RowSet touched;
    /** The current mini-batch grouped by input; null for a cursor that never regroups. */
    private final BatchColumns columns;
    /** Per example of a grouped batch, its weighted inputs; allocated on first use. */
    private double[][] sums = new double[0][];
    /** {@link #sums} for a layer in float. */
    private float[][] floatSums = new float[0][];
    private int first;
    private int rows;
    private boolean grouped;

    /** A cursor over {@code data} in the given order, reading the sparse rows as they are. */
    Sparse(SparseRows data, int[] order) {
      this(data, order, false);
    }

    private Sparse(SparseRows data, int[] order, boolean regroups) {
      this.data = data;
      this.order = order;
      this.rowsRead = data;
      this.positions = order;
      this.touched = new RowSet(data.cols());
      this.columns = regroups ? new BatchColumns(data.cols()) : null;
    }

    /** A cursor for training, which regroups large mini-batches by input. */
    static Sparse forTraining(SparseRows data, int[] order) {
      return new Sparse(data, order, true);
    }

    /**
     * Copies the data into the current {@code order}, to be read from there until the next call:
     * call it after every shuffle. It allocates a copy of the data on its first call.
     */
    void arrange() {
      if (rowsRead == data) {
        rowsRead = SparseRows.bufferFor(data);
        positions = Network.identity(data.rows());
      }
      rowsRead.arrange(data, order);
    }

    /** Points this cursor at the next mini-batch. */
    Sparse select(int first, int rows) {
      this.first = first;
      this.rows = rows;
      this.grouped = columns != null && rows >= GROUPED_FROM;
      if (grouped) {
        columns.build(rowsRead, positions, first, rows);
      }
      return this;
    }

    @Override
    public int rows() {
      return rows;
    }

    @Override
    public void affine(double[][] w, double[] bias, double[] out, int cols, double[][] scratch) {
      if (grouped) {
        if (sums.length < rows || sums[0].length < cols) {
          sums = new double[rows][cols];
        }
        Matrices.columnsAffine(columns, w, bias, sums, out, cols);
      } else {
        Matrices.sparseAffine(rowsRead, positions, first, rows, w, bias, out, cols, scratch);
      }
    }

    @Override
    public void transposedTimes(double[][] d, double[][] g, int cols) {
      if (grouped) {
        Matrices.columnsTransposedTimes(columns, d, g, cols, touched);
      } else {
        Matrices.sparseTransposedTimes(rowsRead, positions, first, rows, d, g, cols, touched);
      }
    }

    @Override
    public void affine(float[][] w, float[] bias, double[] out, int cols, float[][] scratch) {
      if (grouped) {
        if (floatSums.length < rows || floatSums[0].length < cols) {
          floatSums = new float[rows][cols];
        }
        FloatMatrices.columnsAffine(columns, w, bias, floatSums, out, cols);
      } else {
        FloatMatrices.sparseAffine(rowsRead, positions, first, rows, w, bias, out, cols, scratch);
      }
    }

    @Override
    public void transposedTimes(float[][] d, float[][] g, int cols) {
      if (grouped) {
        FloatMatrices.columnsTransposedTimes(columns, d, g, cols, touched);
      } else {
        FloatMatrices.sparseTransposedTimes(rowsRead, positions, first, rows, d, g, cols, touched);
      }
    }

    @Override
    public void copyTo(double[] into) {
      int width = data.cols();
      java.util.Arrays.fill(into, 0, rows * width, 0.0);
      for (int r = 0; r < rows; r++) {
        rowsRead.writeRow(positions[first + r], into, r * width);
      }
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
