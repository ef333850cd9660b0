package dev.nnj.core.kernels;

/**
 * A set of row indices in {@code [0, bound)}: constant-time insertion, listing in insertion
 * order, and clearing without touching every row. A workspace, reused from one mini-batch to the
 * next without allocation.
 *
 * <p>The sparse weight-gradient kernel keeps in it the gradient rows a mini-batch touched: the
 * rows of the input pixels that are non-zero in at least one of its examples (about half of
 * MNIST's 784 for mini-batches of 10). Every other row of the gradient is zero.
 */
public final class RowSet {

  private final int[] members;
  /** {@code stamp[row] == generation} exactly when {@code row} is in the set. */
  private final int[] stamp;
  private int generation = 1;
  private int size;

  /** An empty set of rows in {@code [0, bound)}. */
  public RowSet(int bound) {
    this.members = new int[bound];
    this.stamp = new int[bound];
  }

  /** Adds {@code row}, if it is not in the set already. */
  void add(int row) {
    if (stamp[row] != generation) {
      stamp[row] = generation;
      members[size++] = row;
    }
  }

  /** Empties the set. */
  void clear() {
    size = 0;
    if (++generation == 0) { // after 2³² clears: start the stamps afresh
      java.util.Arrays.fill(stamp, 0);
      generation = 1;
    }
  }

  /** The number of rows in the set. */
  public int size() {
    return size;
  }

  /** The {@code i}-th row added since the last clearing, {@code 0 ≤ i < size()}. */
  public int get(int i) {
    if (i >= size) {
      throw new IndexOutOfBoundsException(i + " >= size " + size);
    }
    return members[i];
  }
}
