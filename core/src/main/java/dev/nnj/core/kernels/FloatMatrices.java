package dev.nnj.core.kernels;

import java.util.Arrays;

/**
 * {@link Matrices}' kernels for a layer that keeps its weights in single precision: the same
 * loops, the same order of every sum, over {@code float} rows.
 *
 * <p>Why a second copy: at a mini-batch of ten the first layer's weights and their gradient
 * (784 × 100 each) pass through the cache once per batch, and the kernels run at the speed of
 * that traffic, not of the arithmetic. In {@code float} the rows are half as long in bytes and
 * a vector holds twice the lanes. Java has no generics over primitives, so the loops are
 * spelled out again for {@code float}; the shapes and the splits are {@link Matrices}'.
 *
 * <p>Precision: weights, their gradients and every sum are {@code float}; each sum is rounded
 * to {@code float} after every term, in the same order as {@link Matrices} adds them, so results
 * are deterministic and independent of the thread count. The activations and errors between
 * layers stay {@code double[]} blocks (the interfaces of activations and costs are double): an
 * input value is rounded to {@code float} as it is read, a finished sum widened exactly as it
 * is written.
 */
public final class FloatMatrices {

  /** Whether narrow rows run on {@link FloatNarrowRows} (the same bits; see {@link Tiles}). */
  private static final boolean VECTOR = Tiles.vectorApi();

  private FloatMatrices() {}

  /**
   * {@code out = a · w + bias}, the bias added to every row; {@link Matrices#affine} in float.
   *
   * @param a {@code rows × inner}, each value rounded to float as it is read
   * @param w {@code inner} rows of {@code cols}
   * @param bias {@code cols}
   * @param out {@code rows × cols}, overwritten
   * @param scratch two rows of at least {@code cols}, one per thread
   */
  public static void affine(double[] a, int rows, int inner, float[][] w, float[] bias,
      double[] out, int cols, float[][] scratch) {
    if (Parallel.worthSplitting(rows, (long) rows * inner * cols)) {
      Parallel.split(rows, (part, from, to) ->
          affineRows(a, inner, w, bias, out, cols, scratch[part], from, to));
    } else {
      affineRows(a, inner, w, bias, out, cols, scratch[0], 0, rows);
    }
  }

  /** The rows {@code [from, to)} of {@code a · w + bias}, or of {@code a · w} if {@code bias} is null. */
  private static void affineRows(double[] a, int inner, float[][] w, float[] bias, double[] out,
      int cols, float[] sum, int from, int to) {
    if (VECTOR && FloatNarrowRows.fits(cols, (long) (to - from) * inner * cols)) {
      FloatNarrowRows.affineRows(a, inner, w, bias, out, cols, from, to);
      return;
    }
    for (int i = from; i < to; i++) {
      if (bias == null) {
        Arrays.fill(sum, 0, cols, 0f);
      } else {
        System.arraycopy(bias, 0, sum, 0, cols);
      }
      int aRow = i * inner;
      int k = 0;
      while (k < inner) {
        float x0 = (float) a[aRow + k];
        if (k + 4 <= inner && x0 != 0f && (float) a[aRow + k + 1] != 0f
            && (float) a[aRow + k + 2] != 0f && (float) a[aRow + k + 3] != 0f) {
          addScaled4(sum, x0, w[k], (float) a[aRow + k + 1], w[k + 1], (float) a[aRow + k + 2],
              w[k + 2], (float) a[aRow + k + 3], w[k + 3], cols);
          k += 4;
        } else {
          if (x0 != 0f) {
            addScaled(sum, x0, w[k], 0, cols);
          }
          k++;
        }
      }
      widen(sum, out, i * cols, cols);
    }
  }

  /**
   * {@code out = X · w + bias} for the rows {@code order[first .. first + count)} of a sparse
   * {@code X}; {@link Matrices#sparseAffine} in float.
   */
  public static void sparseAffine(SparseRows x, int[] order, int first, int count, float[][] w,
      float[] bias, double[] out, int cols, float[][] scratch) {
    if (Parallel.worthSplitting(count, (long) nonZeros(x, order, first, count) * cols)) {
      Parallel.split(count, (part, from, to) ->
          sparseAffineRows(x, order, first, w, bias, out, cols, scratch[part], from, to));
    } else {
      sparseAffineRows(x, order, first, w, bias, out, cols, scratch[0], 0, count);
    }
  }

  private static void sparseAffineRows(SparseRows x, int[] order, int first, float[][] w,
      float[] bias, double[] out, int cols, float[] sum, int from, int to) {
    for (int r = from; r < to; r++) {
      int row = order[first + r];
      System.arraycopy(bias, 0, sum, 0, cols);
      int p = x.rowStart[row];
      int end = x.rowStart[row + 1];
      for (; p + 4 <= end; p += 4) {
        addScaled4(sum, x.values[p], w[x.columns[p]], x.values[p + 1], w[x.columns[p + 1]],
            x.values[p + 2], w[x.columns[p + 2]], x.values[p + 3], w[x.columns[p + 3]], cols);
      }
      for (; p < end; p++) {
        addScaled(sum, x.values[p], w[x.columns[p]], 0, cols);
      }
      widen(sum, out, r * cols, cols);
    }
  }

  /**
   * {@code out = X · w + bias} for a mini-batch grouped by input: the same sums, in the same
   * order, as {@link #sparseAffine}; {@link Matrices#columnsAffine} in float.
   *
   * @param sums at least {@code x.rows()} rows of at least {@code cols}: workspace
   */
  public static void columnsAffine(BatchColumns x, float[][] w, float[] bias, float[][] sums,
      double[] out, int cols) {
    int rows = x.rows();
    if (Parallel.worthSplitting(rows, (long) x.groupStart[x.groups()] * cols)) {
      Parallel.split(rows, (part, from, to) -> columnsAffineRows(x, w, bias, sums, out, cols, from, to));
    } else {
      columnsAffineRows(x, w, bias, sums, out, cols, 0, rows);
    }
  }

  private static void columnsAffineRows(BatchColumns x, float[][] w, float[] bias,
      float[][] sums, double[] out, int cols, int from, int to) {
    for (int r = from; r < to; r++) {
      System.arraycopy(bias, 0, sums[r], 0, cols);
    }
    int[] example = x.example;
    float[] value = x.value;
    for (int g = 0; g < x.groups(); g++) {
      float[] weights = w[x.column[g]];
      int e = x.groupStart[g];
      int end = x.groupStart[g + 1];
      while (e < end && example[e] < from) {
        e++;
      }
      while (end > e && example[end - 1] >= to) {
        end--;
      }
      for (; e + 4 <= end; e += 4) {
        scatterScaled4(weights, value[e], sums[example[e]], value[e + 1], sums[example[e + 1]],
            value[e + 2], sums[example[e + 2]], value[e + 3], sums[example[e + 3]], 0, cols);
      }
      for (; e < end; e++) {
        addScaled(sums[example[e]], value[e], weights, 0, cols);
      }
    }
    for (int r = from; r < to; r++) {
      widen(sums[r], out, r * cols, cols);
    }
  }

  /**
   * {@code g = Xᵀ · d} for a mini-batch grouped by input; {@link Matrices#columnsTransposedTimes}
   * in float, with the same contract for {@code touched}.
   */
  public static void columnsTransposedTimes(BatchColumns x, float[][] d, float[][] g, int cols,
      RowSet touched) {
    clearTouched(g, cols, touched);
    int groups = x.groups();
    for (int group = 0; group < groups; group++) {
      touched.add(x.column[group]);
    }
    if (Parallel.worthSplitting(groups, (long) x.groupStart[groups] * cols)) {
      int half = Arrays.binarySearch(x.groupStart, 0, groups + 1, x.groupStart[groups] / 2);
      int middle = Math.max(1, Math.min(groups - 1, half >= 0 ? half : -half - 1));
      Parallel.split(groups, middle,
          (part, from, to) -> columnsTransposedTimesGroups(x, d, g, cols, from, to));
    } else {
      columnsTransposedTimesGroups(x, d, g, cols, 0, groups);
    }
  }

  private static void columnsTransposedTimesGroups(BatchColumns x, float[][] d, float[][] g,
      int cols, int from, int to) {
    int[] example = x.example;
    float[] value = x.value;
    for (int group = from; group < to; group++) {
      float[] row = g[x.column[group]];
      int e = x.groupStart[group];
      int end = x.groupStart[group + 1];
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
   * {@code g = aᵀ · d}, summing over the rows of {@code a} and {@code d};
   * {@link Matrices#transposedTimes} in float.
   *
   * @param a {@code rows × inner}, each value rounded to float as it is read
   * @param d {@code rows} rows of at least {@code cols} (see {@link #toRows})
   * @param g {@code inner} rows of {@code cols}, overwritten
   */
  public static void transposedTimes(double[] a, int rows, int inner, float[][] d, float[][] g,
      int cols) {
    if (Parallel.worthSplitting(inner, (long) rows * inner * cols)) {
      Parallel.split(inner, (part, from, to) -> transposedTimesRows(a, rows, inner, d, g, cols, from, to));
    } else {
      transposedTimesRows(a, rows, inner, d, g, cols, 0, inner);
    }
  }

  private static void transposedTimesRows(double[] a, int rows, int inner, float[][] d,
      float[][] g, int cols, int from, int to) {
    if (VECTOR && FloatNarrowRows.fits(cols, (long) rows * (to - from) * cols)) {
      FloatNarrowRows.transposedTimesRows(a, rows, inner, d, g, cols, from, to);
      return;
    }
    if (cols < 32) {
      transposedTimesByExample(a, rows, inner, d, g, cols, from, to);
      return;
    }
    for (int k = from; k < to; k++) {
      float[] row = g[k];
      Arrays.fill(row, 0, cols, 0f);
      int i = 0;
      while (i < rows) {
        float v0 = (float) a[i * inner + k];
        if (i + 4 <= rows && v0 != 0f && (float) a[(i + 1) * inner + k] != 0f
            && (float) a[(i + 2) * inner + k] != 0f && (float) a[(i + 3) * inner + k] != 0f) {
          addScaled4(row, v0, d[i], (float) a[(i + 1) * inner + k], d[i + 1],
              (float) a[(i + 2) * inner + k], d[i + 2], (float) a[(i + 3) * inner + k], d[i + 3],
              cols);
          i += 4;
        } else {
          if (v0 != 0f) {
            addScaled(row, v0, d[i], 0, cols);
          }
          i++;
        }
      }
    }
  }

  private static void transposedTimesByExample(double[] a, int rows, int inner, float[][] d,
      float[][] g, int cols, int from, int to) {
    for (int k = from; k < to; k++) {
      Arrays.fill(g[k], 0, cols, 0f);
    }
    for (int i = 0; i < rows; i++) {
      int aRow = i * inner;
      int k = from;
      while (k < to) {
        float v0 = (float) a[aRow + k];
        if (k + 4 <= to && v0 != 0f && (float) a[aRow + k + 1] != 0f
            && (float) a[aRow + k + 2] != 0f && (float) a[aRow + k + 3] != 0f) {
          scatterScaled4(d[i], v0, g[k], (float) a[aRow + k + 1], g[k + 1],
              (float) a[aRow + k + 2], g[k + 2], (float) a[aRow + k + 3], g[k + 3], 0, cols);
          k += 4;
        } else {
          if (v0 != 0f) {
            addScaled(g[k], v0, d[i], 0, cols);
          }
          k++;
        }
      }
    }
  }

  /**
   * {@code g = Xᵀ · d} for the rows {@code order[first .. first + count)} of a sparse {@code X};
   * {@link Matrices#sparseTransposedTimes} in float, with the same contract for {@code touched}.
   */
  public static void sparseTransposedTimes(SparseRows x, int[] order, int first, int count,
      float[][] d, float[][] g, int cols, RowSet touched) {
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

  private static void sparseTransposedTimesColumns(SparseRows x, int[] order, int first,
      int count, float[][] d, float[][] g, int from, int to) {
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      int p = x.rowStart[row];
      int end = x.rowStart[row + 1];
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
   * {@code out = d · wᵀ}, through a transposed copy of {@code w}; {@link Matrices#timesTransposed}
   * in float.
   *
   * @param d {@code rows × cols}, each value rounded to float as it is read
   * @param w {@code inner} rows of {@code cols}
   * @param out {@code rows × inner}, overwritten
   * @param transposed {@code cols} rows of at least {@code inner}: workspace
   * @param scratch two rows of at least {@code inner}, one per thread
   */
  public static void timesTransposed(double[] d, int rows, float[][] w, int inner, double[] out,
      int cols, float[][] transposed, float[][] scratch) {
    for (int from = 0; from < inner; from += 16) {
      int to = Math.min(inner, from + 16);
      for (int j = 0; j < cols; j++) {
        float[] row = transposed[j];
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

  /** The first {@code rows} rows of the flat {@code rows × cols} block, rounded to float, into {@code into}. */
  public static void toRows(double[] block, int rows, int cols, float[][] into) {
    for (int i = 0; i < rows; i++) {
      float[] row = into[i];
      int offset = i * cols;
      for (int j = 0; j < cols; j++) {
        row[j] = (float) block[offset + j];
      }
    }
  }

  /** {@code out[offset .. offset + n) = row[0 .. n)}, widened (exactly) to double. */
  private static void widen(float[] row, double[] out, int offset, int n) {
    for (int j = 0; j < n; j++) {
      out[offset + j] = row[j];
    }
  }

  private static void clearTouched(float[][] g, int cols, RowSet touched) {
    for (int i = 0; i < touched.size(); i++) {
      Arrays.fill(g[touched.get(i)], 0, cols, 0f);
    }
    touched.clear();
  }

  private static void scatterScaled4(float[] x, float a, float[] y, float b, float[] u,
      float c, float[] t, float d, float[] s, int from, int to) {
    for (int j = from; j < to; j++) {
      float xj = x[j];
      y[j] += a * xj;
      u[j] += b * xj;
      t[j] += c * xj;
      s[j] += d * xj;
    }
  }

  private static void addScaled4(float[] y, float a, float[] x, float b, float[] u,
      float c, float[] t, float d, float[] s, int n) {
    for (int j = 0; j < n; j++) {
      y[j] = (((y[j] + a * x[j]) + b * u[j]) + c * t[j]) + d * s[j];
    }
  }

  private static void addScaled(float[] y, float v, float[] x, int from, int to) {
    for (int j = from; j < to; j++) {
      y[j] += v * x[j];
    }
  }

  private static int nonZeros(SparseRows x, int[] order, int first, int count) {
    int total = 0;
    for (int r = 0; r < count; r++) {
      int row = order[first + r];
      total += x.rowStart[row + 1] - x.rowStart[row];
    }
    return total;
  }
}
