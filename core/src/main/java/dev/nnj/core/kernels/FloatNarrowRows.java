package dev.nnj.core.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link NarrowRows} for {@link FloatMatrices}: rows of 8 to 32 float sums (an output layer of
 * ten classes) held in one to four 256-bit vectors while the terms pass, instead of a loop too
 * short for the JIT to vectorise (a row of ten floats is less than one 512-bit vector, so the
 * plain loop runs one entry at a time). The same order of terms, rounded products then added, as
 * the plain float loops: the same bits. Loaded only when the module {@code jdk.incubator.vector}
 * is present (see {@link Tiles}).
 */
final class FloatNarrowRows {

  /** Eight lanes: two overlapping vectors cover a row of ten. */
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;

  private static final int LANES = SPECIES.length();

  /** Each thread's list of a sum's terms. */
  private static final ThreadLocal<Terms> TERMS = ThreadLocal.withInitial(Terms::new);

  private FloatNarrowRows() {}

  /** Whether rows of {@code cols} fit and a call of {@code work} multiply-adds is worth it (see {@link NarrowRows#fits}). */
  static boolean fits(int cols, long work) {
    return cols >= LANES && cols <= 4 * LANES && work >= NarrowRows.MINIMUM_WORK;
  }

  /** The rows {@code [from, to)} of {@code out = a · w + bias} ({@code bias} null: from zero). */
  static void affineRows(double[] a, int inner, float[][] w, float[] bias, double[] out,
      int cols, int from, int to) {
    Terms terms = TERMS.get().holding(inner, cols);
    for (int i = from; i < to; i++) {
      int n = terms.nonZeros(a, i * inner, 1, inner);
      sums(w, terms, n, bias, terms.row, cols);
      for (int j = 0; j < cols; j++) {
        out[i * cols + j] = terms.row[j];
      }
    }
  }

  /** The rows {@code [from, to)} of {@code g = aᵀ · d}. */
  static void transposedTimesRows(double[] a, int rows, int inner, float[][] d, float[][] g,
      int cols, int from, int to) {
    Terms terms = TERMS.get().holding(rows, cols);
    for (int k = from; k < to; k++) {
      int n = terms.nonZeros(a, k, inner, rows);
      sums(d, terms, n, null, g[k], cols);
    }
  }

  /** {@code out[j] = init[j] + Σ_{q < n} value[q] · rows[index[q]][j]}, terms in order. */
  private static void sums(float[][] rows, Terms terms, int n, float[] init, float[] out,
      int cols) {
    int[] index = terms.index;
    float[] value = terms.value;
    int last = cols - LANES;
    if (cols <= 2 * LANES) {
      FloatVector s0 = start(init, 0);
      FloatVector s1 = start(init, last);
      for (int q = 0; q < n; q++) {
        float[] row = rows[index[q]];
        FloatVector v = FloatVector.broadcast(SPECIES, value[q]);
        s0 = s0.add(FloatVector.fromArray(SPECIES, row, 0).mul(v));
        s1 = s1.add(FloatVector.fromArray(SPECIES, row, last).mul(v));
      }
      s1.intoArray(out, last);
      s0.intoArray(out, 0);
      return;
    }
    int third = Math.min(2 * LANES, last);
    FloatVector s0 = start(init, 0);
    FloatVector s1 = start(init, LANES);
    FloatVector s2 = start(init, third);
    FloatVector s3 = start(init, last);
    for (int q = 0; q < n; q++) {
      float[] row = rows[index[q]];
      FloatVector v = FloatVector.broadcast(SPECIES, value[q]);
      s0 = s0.add(FloatVector.fromArray(SPECIES, row, 0).mul(v));
      s1 = s1.add(FloatVector.fromArray(SPECIES, row, LANES).mul(v));
      s2 = s2.add(FloatVector.fromArray(SPECIES, row, third).mul(v));
      s3 = s3.add(FloatVector.fromArray(SPECIES, row, last).mul(v));
    }
    s3.intoArray(out, last);
    s2.intoArray(out, third);
    s1.intoArray(out, LANES);
    s0.intoArray(out, 0);
  }

  private static FloatVector start(float[] init, int j) {
    return init == null ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, init, j);
  }

  /** A sum's terms {@code (index[q], value[q])}, and a row for the sums. */
  private static final class Terms {
    int[] index = new int[0];
    float[] value = new float[0];
    float[] row = new float[0];

    Terms holding(int n, int cols) {
      if (index.length < n) {
        index = new int[n];
        value = new float[n];
      }
      if (row.length < cols) {
        row = new float[cols];
      }
      return this;
    }

    /** Lists the non-zero {@code (float) a[at + q · stride]}, {@code q < n}; returns how many. */
    int nonZeros(double[] a, int at, int stride, int n) {
      int count = 0;
      for (int q = 0; q < n; q++) {
        float v = (float) a[at + q * stride];
        index[count] = q;
        value[count] = v;
        count += v != 0f ? 1 : 0;
      }
      return count;
    }
  }
}
