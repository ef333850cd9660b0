package dev.nnj.core.kernels;

/**
 * A matrix stored by rows with only its non-zero entries (compressed sparse rows): the form in
 * which the input layer reads MNIST, four in five of whose pixels are zero.
 *
 * <p>Row {@code i}'s entries are {@code values[p]} at column {@code columns[p]} for
 * {@code p ∈ [rowStart[i], rowStart[i + 1])}, in increasing column order. Immutable once built,
 * except a {@link #bufferFor buffer}, which {@link #arrange} refills.
 */
public final class SparseRows {

  private final int rows;
  private final int cols;
  final int[] rowStart;
  final int[] columns;
  final float[] values;

  private SparseRows(int rows, int cols, int[] rowStart, int[] columns, float[] values) {
    this.rows = rows;
    this.cols = cols;
    this.rowStart = rowStart;
    this.columns = columns;
    this.values = values;
  }

  /** The non-zero entries of a dense row-major {@code rows × cols} block. */
  public static SparseRows of(float[] dense, int rows, int cols) {
    int[] rowStart = new int[rows + 1];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      for (int k = i * cols, end = k + cols; k < end; k++) {
        if (dense[k] != 0f) {
          count++;
        }
      }
      rowStart[i + 1] = count;
    }
    int[] columns = new int[count];
    float[] values = new float[count];
    int p = 0;
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < cols; k++) {
        float value = dense[i * cols + k];
        if (value != 0f) {
          columns[p] = k;
          values[p] = value;
          p++;
        }
      }
    }
    return new SparseRows(rows, cols, rowStart, columns, values);
  }

  /**
   * An empty matrix of {@code like}'s size, to be filled by {@link #arrange}: the one kind of
   * {@code SparseRows} that changes, owned by whoever arranges it.
   */
  public static SparseRows bufferFor(SparseRows like) {
    return new SparseRows(like.rows, like.cols, new int[like.rows + 1], new int[like.nonZeros()],
        new float[like.nonZeros()]);
  }

  /**
   * Makes this buffer's row {@code i} a copy of {@code source}'s row {@code order[i]}, for every
   * row: the rows in the order in which they will be read, so that reading them is a walk
   * through memory rather than a jump to a far place for every row.
   *
   * @param order a permutation of {@code source}'s rows
   */
  public void arrange(SparseRows source, int[] order) {
    if (source.rows != rows || source.cols != cols || source.nonZeros() != columns.length
        || order.length < rows) {
      throw new IllegalArgumentException("a buffer of " + rows + " rows and " + columns.length
          + " entries cannot hold " + source.rows + " rows and " + source.nonZeros());
    }
    int p = 0;
    for (int i = 0; i < rows; i++) {
      int row = order[i];
      int from = source.rowStart[row];
      int length = source.rowStart[row + 1] - from;
      System.arraycopy(source.columns, from, columns, p, length);
      System.arraycopy(source.values, from, values, p, length);
      p += length;
      rowStart[i + 1] = p;
    }
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** The number of columns, zeros included. */
  public int cols() {
    return cols;
  }

  /** The number of non-zero entries. */
  public int nonZeros() {
    return rowStart[rows];
  }

  /** Sets the entries of row {@code i} that are non-zero in {@code dense[offset + k]}; leaves the rest. */
  public void writeRow(int i, double[] dense, int offset) {
    for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
      dense[offset + columns[p]] = values[p];
    }
  }
}
