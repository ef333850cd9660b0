package dev.nnj.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Matrices}' dense kernels for narrow rows of sums — an output layer of ten classes, a
 * hidden layer of 30 — on Java's Vector API: the whole row of sums is held in at most four vectors, in
 * registers, while the sum's terms pass. The plain loops add each term to the row in memory, and
 * a row of 10 is too short for the JIT's vectorised loop: it runs one entry at a time, loads and
 * stores included, about five times slower per multiply-add than a row of 96 (measured, issue 14).
 *
 * <p>A row that is not a whole number of vectors is covered by vectors that overlap: for 10 sums
 * in vectors of eight, entries 0–7 and 2–9. An overlapping entry is computed twice by the same
 * operations and so stored twice with the same bits. Every product is rounded and then added
 * ({@code mul}, then {@code add}, no fused multiply-add), the terms in the loops' order, zero
 * factors skipped as there: the same bits as the plain loops. (A sparse first layer of 30 gained
 * nothing from them, its rows of weights coming from the second-level cache either way, so it
 * keeps the loops.) Loaded only when the module
 * {@code jdk.incubator.vector} is present (see {@link Tiles}).
 */
final class NarrowRows {

  private static final VectorSpecies<Double> SPECIES =
      Tiles.vectorBits() == 512 ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;

  private static final int LANES = SPECIES.length();

  /** Each thread's list of a sum's terms: the indices and values of the non-zero factors. */
  private static final ThreadLocal<Terms> TERMS = ThreadLocal.withInitial(Terms::new);

  private NarrowRows() {}

  /**
   * Below this many multiply-adds a call stays on the plain loops. Until the JIT has compiled
   * these kernels, the Vector API runs its operations as objects, far slower than plain loops;
   * chapter 1's small products ([30, 10] on ten examples) are as fast on either once compiled, and
   * with these kernels its first epoch took 0.15 s longer (measured, issue 14).
   */
  static final long MINIMUM_WORK = 100_000;

  /**
   * Whether rows of {@code cols} sums fit (one to four vectors) and a call of {@code work}
   * multiply-adds is worth these kernels.
   */
  static boolean fits(int cols, long work) {
    return cols >= LANES && cols <= 4 * LANES && work >= MINIMUM_WORK;
  }

  /**
   * The rows {@code [from, to)} of {@code out = a · w + bias} ({@code bias} null: from zero), each
   * row's non-zero inputs in increasing order.
   */
  static void affineRows(double[] a, int inner, double[][] w, double[] bias, double[] out,
      int cols, int from, int to) {
    Terms terms = TERMS.get().holding(inner);
    for (int i = from; i < to; i++) {
      int n = terms.nonZeros(a, i * inner, 1, inner);
      sums(w, terms, n, bias, out, i * cols, cols);
    }
  }

  /**
   * The rows {@code [from, to)} of {@code g = aᵀ · d}: row {@code k}'s terms are the examples
   * whose input {@code k} is non-zero, in order.
   */
  static void transposedTimesRows(double[] a, int rows, int inner, double[][] d, double[][] g,
      int cols, int from, int to) {
    Terms terms = TERMS.get().holding(rows);
    for (int k = from; k < to; k++) {
      int n = terms.nonZeros(a, k, inner, rows);
      sums(d, terms, n, null, g[k], 0, cols);
    }
  }

  /**
   * {@code out[at + j] = init[j] + Σ_{q < n} value[q] · rows[index[q]][j]} for {@code j < cols},
   * the terms added in order ({@code init} null: from zero).
   */
  private static void sums(double[][] rows, Terms terms, int n, double[] init, double[] out,
      int at, int cols) {
    int[] index = terms.index;
    double[] value = terms.value;
    int last = cols - LANES;
    if (cols <= 2 * LANES) {
      DoubleVector s0 = start(init, 0);
      DoubleVector s1 = start(init, last);
      for (int q = 0; q < n; q++) {
        double[] row = rows[index[q]];
        DoubleVector v = DoubleVector.broadcast(SPECIES, value[q]);
        s0 = s0.add(DoubleVector.fromArray(SPECIES, row, 0).mul(v));
        s1 = s1.add(DoubleVector.fromArray(SPECIES, row, last).mul(v));
      }
      s1.intoArray(out, at + last);
      s0.intoArray(out, at);
      return;
    }
    int third = Math.min(2 * LANES, last);
    DoubleVector s0 = start(init, 0);
    DoubleVector s1 = start(init, LANES);
    DoubleVector s2 = start(init, third);
    DoubleVector s3 = start(init, last);
    for (int q = 0; q < n; q++) {
      double[] row = rows[index[q]];
      DoubleVector v = DoubleVector.broadcast(SPECIES, value[q]);
      s0 = s0.add(DoubleVector.fromArray(SPECIES, row, 0).mul(v));
      s1 = s1.add(DoubleVector.fromArray(SPECIES, row, LANES).mul(v));
      s2 = s2.add(DoubleVector.fromArray(SPECIES, row, third).mul(v));
      s3 = s3.add(DoubleVector.fromArray(SPECIES, row, last).mul(v));
    }
    s3.intoArray(out, at + last);
    s2.intoArray(out, at + third);
    s1.intoArray(out, at + LANES);
    s0.intoArray(out, at);
  }

  private static DoubleVector start(double[] init, int j) {
    return init == null ? DoubleVector.zero(SPECIES) : DoubleVector.fromArray(SPECIES, init, j);
  }

  /** A sum's terms: {@code (index[q], value[q])} for {@code q < n}. */
  private static final class Terms {
    int[] index = new int[0];
    double[] value = new double[0];

    /** This list, with room for {@code n} terms. */
    Terms holding(int n) {
      if (index.length < n) {
        index = new int[n];
        value = new double[n];
      }
      return this;
    }

    /**
     * Lists the non-zero {@code a[at + q · stride]}, {@code q < n}, with their {@code q}, and
     * returns how many there are: without a branch per entry, since whether a ReLU unit is zero
     * follows no pattern.
     */
    int nonZeros(double[] a, int at, int stride, int n) {
      int count = 0;
      for (int q = 0; q < n; q++) {
        double v = a[at + q * stride];
        index[count] = q;
        value[count] = v;
        count += v != 0.0 ? 1 : 0;
      }
      return count;
    }
  }
}
