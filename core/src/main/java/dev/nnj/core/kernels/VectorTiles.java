package dev.nnj.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tiles#multiply} on Java's Vector API: a tile of 4 × 8 sums is eight vectors of four
 * doubles, kept in registers over the whole of {@code k}. Loaded only when the module
 * {@code jdk.incubator.vector} is present (see {@link Tiles}); the same bits as the plain loops.
 */
final class VectorTiles {

  private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;

  private VectorTiles() {}

  /**
   * The sums' length, at most, over which a panel of {@code b} is held while every tile of the
   * rows passes over it: 192 × 8 doubles, 12 KB, stay in a 32 KB L1 cache beside the stream of
   * {@code a}. A longer sum is taken in parts, each tile's accumulators stored between them and
   * loaded again: the chain of {@code fma} goes on from the stored value, so the bits are those of
   * one pass (the plain loops take one).
   */
  static final int DEPTH = 192;

  static void multiply(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b,
      double[] init, boolean onto, double[] c, int[] scatter, int offset) {
    int width = jTiles * Tiles.COLUMNS;
    int depth = scatter == null ? DEPTH : k; // a scatter-add takes its sums whole
    for (int kFrom = 0; kFrom < k; kFrom += depth) {
      int kTo = Math.min(k, kFrom + depth);
      boolean load = onto || kFrom > 0;
      double[] start = kFrom == 0 ? init : null;
      for (int jt = 0; jt < jTiles; jt++) {
        for (int it = iFrom; it < iTo; it++) {
          int i = it * Tiles.ROWS;
          DoubleVector c00;
          DoubleVector c01;
          DoubleVector c10;
          DoubleVector c11;
          DoubleVector c20;
          DoubleVector c21;
          DoubleVector c30;
          DoubleVector c31;
          int at = i * width + jt * Tiles.COLUMNS;
          if (load) {
            c00 = DoubleVector.fromArray(FOUR, c, at);
            c01 = DoubleVector.fromArray(FOUR, c, at + 4);
            c10 = DoubleVector.fromArray(FOUR, c, at + width);
            c11 = DoubleVector.fromArray(FOUR, c, at + width + 4);
            c20 = DoubleVector.fromArray(FOUR, c, at + 2 * width);
            c21 = DoubleVector.fromArray(FOUR, c, at + 2 * width + 4);
            c30 = DoubleVector.fromArray(FOUR, c, at + 3 * width);
            c31 = DoubleVector.fromArray(FOUR, c, at + 3 * width + 4);
          } else {
            c00 = DoubleVector.broadcast(FOUR, start == null ? 0.0 : start[i]);
            c01 = c00;
            c10 = DoubleVector.broadcast(FOUR, start == null ? 0.0 : start[i + 1]);
            c11 = c10;
            c20 = DoubleVector.broadcast(FOUR, start == null ? 0.0 : start[i + 2]);
            c21 = c20;
            c30 = DoubleVector.broadcast(FOUR, start == null ? 0.0 : start[i + 3]);
            c31 = c30;
          }
          int aAt = (it * k + kFrom) * Tiles.ROWS;
          int bAt = (jt * k + kFrom) * Tiles.COLUMNS;
          for (int kk = kFrom; kk < kTo; kk++, aAt += Tiles.ROWS, bAt += Tiles.COLUMNS) {
            DoubleVector b0 = DoubleVector.fromArray(FOUR, b, bAt);
            DoubleVector b1 = DoubleVector.fromArray(FOUR, b, bAt + 4);
            DoubleVector a0 = DoubleVector.broadcast(FOUR, a[aAt]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(FOUR, a[aAt + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(FOUR, a[aAt + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(FOUR, a[aAt + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
          }
          if (scatter != null) {
            // Spelt out rather than a method taking vectors: a helper that HotSpot declines to
            // inline (it does, at random, once the helper is compiled on its own) boxes the
            // vectors, and the kernel runs eight times slower.
            int row = i * jTiles + jt;
            int to = scatter[row];
            if (to >= 0) {
              to += offset;
              DoubleVector.fromArray(FOUR, c, to).add(c00).intoArray(c, to);
              DoubleVector.fromArray(FOUR, c, to + 4).add(c01).intoArray(c, to + 4);
            }
            to = scatter[row + jTiles];
            if (to >= 0) {
              to += offset;
              DoubleVector.fromArray(FOUR, c, to).add(c10).intoArray(c, to);
              DoubleVector.fromArray(FOUR, c, to + 4).add(c11).intoArray(c, to + 4);
            }
            to = scatter[row + 2 * jTiles];
            if (to >= 0) {
              to += offset;
              DoubleVector.fromArray(FOUR, c, to).add(c20).intoArray(c, to);
              DoubleVector.fromArray(FOUR, c, to + 4).add(c21).intoArray(c, to + 4);
            }
            to = scatter[row + 3 * jTiles];
            if (to >= 0) {
              to += offset;
              DoubleVector.fromArray(FOUR, c, to).add(c30).intoArray(c, to);
              DoubleVector.fromArray(FOUR, c, to + 4).add(c31).intoArray(c, to + 4);
            }
          } else {
            c00.intoArray(c, at);
            c01.intoArray(c, at + 4);
            c10.intoArray(c, at + width);
            c11.intoArray(c, at + width + 4);
            c20.intoArray(c, at + 2 * width);
            c21.intoArray(c, at + 2 * width + 4);
            c30.intoArray(c, at + 3 * width);
            c31.intoArray(c, at + 3 * width + 4);
          }
        }
      }
    }
  }
}
