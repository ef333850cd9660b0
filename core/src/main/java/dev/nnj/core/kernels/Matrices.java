package dev.nnj.core.kernels;

import java.util.Arrays;

/**
 * The matrix kernels of nnj: every hot loop of feedforward and backpropagation.
 *
 * <p>Activations and errors are row-major {@code double[]} blocks whose shape the caller passes;
 * only the first {@code rows × cols} entries are read or written, so workspaces sized for the
 * largest mini-batch serve a shorter last batch too. Weight matrices and their gradients are
 * arrays of rows, {@code w[k]} holding the weights from input {@code k} to every output.
 *
 * <p>Why rows: HotSpot's C2 compiler in Java 17 vectorises {@code y[j] += v · x[j]} only when both
 * arrays are indexed by the same expression, since two arrays might be one and the same. Every
 * inner loop here therefore runs over two whole rows indexed from zero — a weight row and a
 * scratch row — and results are copied into the flat blocks afterwards. Zero inputs are skipped:
 * four in five MNIST pixels are zero. Sparse inputs come by example ({@link SparseRows}) or, for
 * larger mini-batches, grouped by input ({@link BatchColumns}); both forms' kernels add the same
 * terms in the same order, so they give the same bits.
 *
 * <p>Where the work is large, kernels split it over two threads along outputs that share no sum,
 * so the results are bit-identical whatever the thread count. Kernels allocate nothing when they
 * run on one thread; a split allocates its task.
 */
public final class Matrices {

  /**
   * Whether narrow rows of sums run on {@link NarrowRows}, the Vector API with the row in
   * registers (the same bits as the loops here; see {@link Tiles} for the switch).
   */
  private static final boolean VECTOR = Tiles.vectorApi();

  private Matrices() {}

  /**
   * {@code out = a · w + bias}, the bias added to every row.
   *
   * @param a {@code rows × inner}
   * @param w {@code inner} rows of {@code cols}
   * @param bias {@code cols}
   * @param out {@code rows × cols}, overwritten
   * @param scratch two rows of at least {@code cols}, one per thread
   */
  public static void affine(double[] a, int rows, int inner, double[][] w, double[] bias,
      double[] out, int cols, double[][] scratch) {
    if (Parallel.worthSplitting(rows, (long) rows * inner * cols)) {
      Parallel.split(rows, (part, from, to) ->
          affineRows(a, inner, w, bias, out, cols, scratch[part], from, to));
    } else {
      affineRows(a, inner, w, bias, out, cols, scratch[0], 0, rows);
    }
  }

  /** The rows {@code [from, to)} of {@code a · w + bias}, or of {@code a · w} if {@code bias} is null. */
  private static void affineRows(double[] a, int inner, double[][] w, double[] bias, double[] out,
      int cols, double[] sum, int from, int to) {
    if (VECTOR && NarrowRows.fits(cols, (long) (to - from) * inner * cols)) {
      NarrowRows.affineRows(a, inner, w, bias, out, cols, from, to);
      return;
    }
    for (int i = from; i < to; i++) {
      if (bias == null) {
        Arrays.fill(sum, 0, cols, 0.0);
      } else {
        System.arraycopy(bias, 0, sum, 0, cols);
      }
      int aRow = i * inner;
      int k = 0;
      // Four inputs per pass when the next four are non-zero (hidden activations nearly
      // always are); zeros are skipped one by one, so every sum keeps its order.
      while (k < inner) {
        if (k + 4 <= inner && a[aRow + k] != 0.0 && a[aRow + k + 1] != 0.0
            && a[aRow + k + 2] != 0.0 && a[aRow + k + 3] != 0.0) {
          addScaled4(sum, a[aRow + k], w[k], a[aRow + k + 1], w[k + 1], a[aRow + k + 2], w[k + 2],
              a[aRow + k + 3], w[k + 3], cols);
          k += 4;
        } else {
          double x = a[aRow + k];
          if (x != 0.0) {
            addScaled(sum, x, w[k], 0, cols);
          }
          k++;
        }
      }
      System.arraycopy(sum, 0, out, i * cols, cols);
    }
  }

  /**
   * {@code out = X · w + bias} for the rows {@code order[first .. first + count)} of a sparse
   * {@code X}: only non-zero inputs are multiplied.
   *
   * @param w {@code x.cols()} rows of {@code cols}
   * @param out {@code count × cols}, overwritten
   * @param scratch two rows of at least {@code cols}, one per thread
   */
  public static void sparseAffine(SparseRows x, int[] order, int first, int count, double[][] w,
      double[] bias, double[] out, int cols, double[][] scratch) {
    if (Parallel.worthSplitting(count, (long) nonZeros(x, order, first, count) * cols)) {
      Parallel.split(count, (part, from, to) ->
          sparseAffineRows(x, order, first, w, bias, out, cols, scratch[part], from, to));
    } else {
      sparseAffineRows(x, order, first, w, bias, out, cols, scratch[0], 0, count);
    }
  }

  private static void sparseAffineRows(SparseRows x, int[] order, int first, double[][] w,
      double[] bias, double[] out, int cols, double[] sum, int from, int to) {
    for (int r = from; r < to; r++) {
      int row = order[first + r];
      System.arraycopy(bias, 0, sum, 0, cols);
      int p = x.rowStart[row];
      int end = x.rowStart[row + 1];
      // Four inputs per pass over the row: a quarter of the loads and stores of sum, and of the
      // loop overhead, with each sum still taken in the same order.
      for (; p + 4 <= end; p += 4) {
        addScaled4(sum, x.values[p], w[x.columns[p]], x.values[p + 1], w[x.columns[p + 1]],
            x.values[p + 2], w[x.columns[p + 2]], x.values[p + 3], w[x.columns[p + 3]], cols);
      }
      for (; p < end; p++) {
        addScaled(sum, x.values[p], w[x.columns[p]], 0, cols);
      }
      System.arraycopy(sum, 0, out, r * cols, cols);
    }
  }

  /**
   * {@code out = X · w + bias} for a mini-batch grouped by input: the same sums, added in the same
   * order, as {@link #sparseAffine} over the same examples.
   *
   * @param w {@code x}'s column count of rows of {@code cols}
   * @param sums at least {@code x.rows()} rows of at least {@code cols}: workspace
   * @param out {@code x.rows() × cols}, overwritten
   */
  public static void columnsAffine(BatchColumns x, double[][] w, double[] bias, double[][] sums,
      double[] out, int cols) {
    int rows = x.rows();
    if (Parallel.worthSplitting(rows, (long) x.groupStart[x.groups()] * cols)) {
      Parallel.split(rows, (part, from, to) -> columnsAffineRows(x, w, bias, sums, out, cols, from, to));
    } else {
      columnsAffineRows(x, w, bias, sums, out, cols, 0, rows);
    }
  }

  /** The examples {@code [from, to)} of {@link #columnsAffine}. */
  private static void columnsAffineRows(BatchColumns x, double[][] w, double[] bias,
      double[][] sums, double[] out, int cols, int from, int to) {
    for (int r = from; r < to; r++) {
      System.arraycopy(bias, 0, sums[r], 0, cols);
    }
    int[] example = x.example;
    float[] value = x.value;
    for (int g = 0; g < x.groups(); g++) {
      double[] weights = w[x.column[g]];
      int e = x.groupStart[g];
      int end = x.groupStart[g + 1];
      while (e < end && example[e] < from) {
        e++;
      }
      while (end > e && example[end - 1] >= to) {
        end--;
      }
      // One weight row, four examples per pass: each example's sum still receives one addition.
      for (; e + 4 <= end; e += 4) {
        scatterScaled4(weights, value[e], sums[example[e]], value[e + 1], sums[example[e + 1]],
            value[e + 2], sums[example[e + 2]], value[e + 3], sums[example[e + 3]], 0, cols);
      }
      for (; e < end; e++) {
        addScaled(sums[example[e]], value[e], weights, 0, cols);
      }
    }
    for (int r = from; r < to; r++) {
      System.arraycopy(sums[r], 0, out, r * cols, cols);
    }
  }

  /**
   * {@code g = Xᵀ · d} for a mini-batch grouped by input: the same sums, added in the same order,
   * as {@link #transposedTimes} over the dense examples. Only the rows of inputs that are non-zero
   * in the batch are written; {@code touched} lists on entry the rows the previous call wrote
   * (every other row of {@code g} must be zero, as on a fresh array), which are set back to zero
   * first, and on return the rows this call wrote.
   *
   * @param d {@code x.rows()} rows of at least {@code cols} (see {@link #toRows})
   * @param g {@code x}'s column count of rows of {@code cols}
   * @param touched reused from one call to the next with the same {@code g}
   */
  public static void columnsTransposedTimes(BatchColumns x, double[][] d, double[][] g, int cols,
      RowSet touched) {
    clearTouched(g, cols, touched);
    int groups = x.groups();
    for (int group = 0; group < groups; group++) {
      touched.add(x.column[group]);
    }
    // Split by groups, each thread writing its own rows of g, at the group that halves the
    // entries: pixels near the centre are in most examples, those at the edges in few.
    if (Parallel.worthSplitting(groups, (long) x.groupStart[groups] * cols)) {
      int half = Arrays.binarySearch(x.groupStart, 0, groups + 1, x.groupStart[groups] / 2);
      int middle = Math.max(1, Math.min(groups - 1, half >= 0 ? half : -half - 1));
      Parallel.split(groups, middle,
          (part, from, to) -> columnsTransposedTimesGroups(x, d, g, cols, from, to));
    } else {
      columnsTransposedTimesGroups(x, d, g, cols, 0, groups);
    }
  }

  /** The rows of groups {@code [from, to)} of {@link #columnsTransposedTimes}. */
  private static void columnsTransposedTimesGroups(BatchColumns x, double[][] d, double[][] g,
      int cols, int from, int to) {
    int[] example = x.example;
    float[] value = x.value;
    for (int group = from; group < to; group++) {
      double[] row = g[x.column[group]];
      int e = x.groupStart[group];
      int end = x.groupStart[group + 1];
      // Four examples per pass over the gradient row, in the examples' order.
      for (; e + 4 <= end; e += 4) {
        addScaled4(row, value[e], d[example[e]], value[e + 1], d[example[e + 1]], value[e + 2],
            d[example[e + 2]], value[e + 3], d[example[e + 3]], cols);
      }
      for (; e < end; e++) {
        addScaled(row, value[e], d[example[e]], 0, cols);
      }
    }
  }

  /**
   * {@code g = aᵀ · d}, summing over the rows of {@code a} and {@code d}.
   *
   * @param a {@code rows × inner}
   * @param d {@code rows} rows of at least {@code cols} (see {@link #toRows})
   * @param g {@code inner} rows of {@code cols}, overwritten
   */
  public static void transposedTimes(double[] a, int rows, int inner, double[][] d, double[][] g,
      int cols) {
    // Split by rows of g: each entry of g is still one sum, taken in one order, and the two
    // threads write to different rows (columns would share cache lines at the split).
    if (Parallel.worthSplitting(inner, (long) rows * inner * cols)) {
      Parallel.split(inner, (part, from, to) -> transposedTimesRows(a, rows, inner, d, g, cols, from, to));
    } else {
      transposedTimesRows(a, rows, inner, d, g, cols, 0, inner);
    }
  }

  /**
   * The rows {@code [from, to)} of {@code g = aᵀ · d}. Both loops below add each row's terms
   * example by example in order, so they give the same bits; the benchmarks chose between them.
   * For short rows (an output layer of ten) example by example, four rows of {@code g} per pass;
   * else row by row of {@code g}, four examples per pass while their four inputs are non-zero
   * (each row of {@code g} is then loaded and stored once per four terms).
   */
  private static void transposedTimesRows(double[] a, int rows, int inner, double[][] d,
      double[][] g, int cols, int from, int to) {
    if (VECTOR && NarrowRows.fits(cols, (long) rows * (to - from) * cols)) {
      NarrowRows.transposedTimesRows(a, rows, inner, d, g, cols, from, to);
      return;
    }
    if (cols < 32) {
      transposedTimesByExample(a, rows, inner, d, g, cols, from, to);
      return;
    }
    for (int k = from; k < to; k++) {
      double[] row = g[k];
      Arrays.fill(row, 0, cols, 0.0);
      int i = 0;
      while (i < rows) {
        if (i + 4 <= rows && a[i * inner + k] != 0.0 && a[(i + 1) * inner + k] != 0.0
            && a[(i + 2) * inner + k] != 0.0 && a[(i + 3) * inner + k] != 0.0) {
          addScaled4(row, a[i * inner + k], d[i], a[(i + 1) * inner + k], d[i + 1],
              a[(i + 2) * inner + k], d[i + 2], a[(i + 3) * inner + k], d[i + 3], cols);
          i += 4;
        } else {
          double v = a[i * inner + k];
          if (v != 0.0) {
            addScaled(row, v, d[i], 0, cols);
          }
          i++;
        }
      }
    }
  }

  /** {@link #transposedTimesRows} example by example: each row of {@code d} into four rows of g. */
  private static void transposedTimesByExample(double[] a, int rows, int inner, double[][] d,
      double[][] g, int cols, int from, int to) {
    for (int k = from; k < to; k++) {
      Arrays.fill(g[k], 0, cols, 0.0);
    }
    for (int i = 0; i < rows; i++) {
      int aRow = i * inner;
      int k = from;
      while (k < to) {
        if (k + 4 <= to && a[aRow + k] != 0.0 && a[aRow + k + 1] != 0.0
            && a[aRow + k + 2] != 0.0 && a[aRow + k + 3] != 0.0) {
          scatterScaled4(d[i], a[aRow + k], g[k], a[aRow + k + 1], g[k + 1], a[aRow + k + 2],
              g[k + 2], a[aRow + k + 3], g[k + 3], 0, cols);
          k += 4;
        } else {
          double v = a[aRow + k];
          if (v != 0.0) {
            addScaled(g[k], v, d[i], 0, cols);
          }
          k++;
        }
      }
    }
  }

  /**
   * {@code g = Xᵀ · d} for the rows {@code order[first .. first + count)} of a sparse {@code X}.
   *
   * <p>Only the rows of {@code g} whose input is non-zero in some of these examples can be
   * non-zero; {@code touched} lists them afterwards. Every row of {@code g} not in
   * {@code touched} must be zero on entry (as after the previous call with the same
   * {@code touched}, or on a fresh array) and is zero on return, so only the touched rows are
   * cleared and summed: about half of them for mini-batches of 10 MNIST digits.
   *
   * @param d {@code count} rows of at least {@code cols} (see {@link #toRows})
   * @param g {@code x.cols()} rows of {@code cols}
   * @param touched on entry the rows the previous call touched, on return those this call did
   */
  public static void sparseTransposedTimes(SparseRows x, int[] order, int first, int count,
      double[][] d, double[][] g, int cols, RowSet touched) {
    clearTouched(g, cols, touched);
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      for (int p = x.rowStart[row], end = x.rowStart[row + 1]; p < end; p++) {
        touched.add(x.columns[p]);
      }
    }
    if (Parallel.worthSplitting(cols, (long) nonZeros(x, order, first, count) * cols)) {
      Parallel.split(cols, (part, from, to) ->
          sparseTransposedTimesColumns(x, order, first, count, d, g, from, to));
    } else {
      sparseTransposedTimesColumns(x, order, first, count, d, g, 0, cols);
    }
  }

  /** Adds the columns {@code [from, to)} of {@code Xᵀ · d} to {@code g}. */
  private static void sparseTransposedTimesColumns(SparseRows x, int[] order, int first,
      int count, double[][] d, double[][] g, int from, int to) {
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      int p = x.rowStart[row];
      int end = x.rowStart[row + 1];
      // Four inputs per pass over d[r]: each gradient row still receives one addition.
      for (; p + 4 <= end; p += 4) {
        scatterScaled4(d[r], x.values[p], g[x.columns[p]], x.values[p + 1], g[x.columns[p + 1]],
            x.values[p + 2], g[x.columns[p + 2]], x.values[p + 3], g[x.columns[p + 3]], from, to);
      }
      for (; p < end; p++) {
        addScaled(g[x.columns[p]], x.values[p], d[r], from, to);
      }
    }
  }

  /**
   * Sets the rows of {@code g} that {@code touched} lists back to zero and empties it: the start of
   * a sparse weight gradient, after which every row of {@code g} is zero (the others were already).
   */
  private static void clearTouched(double[][] g, int cols, RowSet touched) {
    for (int i = 0; i < touched.size(); i++) {
      Arrays.fill(g[touched.get(i)], 0, cols, 0.0);
    }
    touched.clear();
  }

  /** {@code y += a·x; u += b·x; t += c·x; s += d·x} over {@code [from, to)}: four rows, one pass. */
  private static void scatterScaled4(double[] x, double a, double[] y, double b, double[] u,
      double c, double[] t, double d, double[] s, int from, int to) {
    for (int j = from; j < to; j++) {
      double xj = x[j];
      y[j] += a * xj;
      u[j] += b * xj;
      t[j] += c * xj;
      s[j] += d * xj;
    }
  }

  /**
   * {@code out = d · wᵀ}: {@code out[i][k] = Σ_j d[i][j] · w[k][j]}, each sum taken over
   * {@code j} in order from zero.
   *
   * <p>{@code w} is first copied transposed into {@code transposed}, so that the inner loops run
   * along rows of {@code inner} entries, which the JIT vectorises, rather than taking sums of
   * {@code cols} products one entry at a time (10 for an output layer of ten classes). The sums
   * and their order are the same: zero entries of {@code d} are skipped, which changes no finite
   * sum.
   *
   * @param d {@code rows × cols}
   * @param w {@code inner} rows of {@code cols}
   * @param out {@code rows × inner}, overwritten
   * @param transposed {@code cols} rows of at least {@code inner}: workspace
   * @param scratch two rows of at least {@code inner}, one per thread
   */
  public static void timesTransposed(double[] d, int rows, double[][] w, int inner, double[] out,
      int cols, double[][] transposed, double[][] scratch) {
    // In blocks of 16 rows of w, so that the block stays in the cache while each transposed row
    // receives its 16 entries in order (a plain row-by-row copy misses on every write).
    for (int from = 0; from < inner; from += 16) {
      int to = Math.min(inner, from + 16);
      for (int j = 0; j < cols; j++) {
        double[] row = transposed[j];
        for (int k = from; k < to; k++) {
          row[k] = w[k][j];
        }
      }
    }
    if (Parallel.worthSplitting(rows, (long) rows * inner * cols)) {
      Parallel.split(rows, (part, from, to) ->
          affineRows(d, cols, transposed, null, out, inner, scratch[part], from, to));
    } else {
      affineRows(d, cols, transposed, null, out, inner, scratch[0], 0, rows);
    }
  }

  /** Copies the first {@code rows} rows of the flat {@code rows × cols} block into {@code into}. */
  public static void toRows(double[] block, int rows, int cols, double[][] into) {
    for (int i = 0; i < rows; i++) {
      System.arraycopy(block, i * cols, into[i], 0, cols);
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

  /** {@code a[0 .. n) ⊙= b[0 .. n)}, element by element. */
  public static void multiply(double[] a, double[] b, int n) {
    for (int i = 0; i < n; i++) {
      a[i] *= b[i];
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

  /**
   * {@code y += a·x; y += b·u; y += c·t; y += d·s} over {@code [0, n)}, element by element in
   * that order: the same rounding as four calls of {@link #addScaled}, in one pass.
   */
  static void addScaled4(double[] y, double a, double[] x, double b, double[] u,
      double c, double[] t, double d, double[] s, int n) {
    for (int j = 0; j < n; j++) {
      y[j] = (((y[j] + a * x[j]) + b * u[j]) + c * t[j]) + d * s[j];
    }
  }

  /** {@code y[from .. to) += v · x[from .. to)}: both rows indexed alike, so C2 vectorises it. */
  static void addScaled(double[] y, double v, double[] x, int from, int to) {
    for (int j = from; j < to; j++) {
      y[j] += v * x[j];
    }
  }

  /** The number of non-zero entries in the rows {@code order[first .. first + count)}. */
  private static int nonZeros(SparseRows x, int[] order, int first, int count) {
    int total = 0;
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      total += x.rowStart[row + 1] - x.rowStart[row];
    }
    return total;
  }
}
