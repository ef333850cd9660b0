package dev.nnj.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tiles#multiply} on vectors of eight doubles, for machines whose preferred vectors are
 * 512 bits (AVX-512): a tile's row of {@link Tiles#COLUMNS} = 8 sums is one vector, and the kernel
 * takes two panels of {@code a} and two of {@code b} at a time, a block of 8 × 16 sums in sixteen
 * vectors — enough independent chains of {@code fma} to keep both FMA units busy, and each panel
 * element loaded once per block rather than once per tile. Blocks at the edges, where the tiles
 * of a dimension are odd, are 4 × 16, 8 × 8 or 4 × 8.
 *
 * <p>The same layouts, the same chains and so the same bits as {@link VectorTiles} and the plain
 * loops: the lanes are independent entries and every entry's chain runs over {@code k} in order.
 * A scatter-add adds its tiles in the order of the others ({@code jt}, then {@code i}), so it
 * takes its blocks one panel of {@code b} wide.
 */
final class WideVectorTiles {

  private static final VectorSpecies<Double> EIGHT = DoubleVector.SPECIES_512;

  /** Whether this machine's preferred vectors hold eight doubles, the width these kernels need. */
  static final boolean PREFERRED = DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 512;

  /**
   * The sums' length, at most, over which the two panels of {@code b} of a block (192 × 16
   * doubles, 24 KB) are held while the rows pass over them; as in {@link VectorTiles#DEPTH}, the
   * parts continue each chain from its stored value.
   */
  static final int DEPTH = VectorTiles.DEPTH;

  private WideVectorTiles() {}

  static void multiply(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b,
      double[] init, boolean onto, double[] c, int[] scatter, int offset) {
    if (scatter != null) {
      for (int jt = 0; jt < jTiles; jt++) {
        int it = iFrom;
        for (; it + 1 < iTo; it += 2) {
          eightByEight(it, jt, jTiles, 0, k, k, a, b, null, false, c, scatter, offset);
        }
        if (it < iTo) {
          fourByEight(it, jt, jTiles, 0, k, k, a, b, null, false, c, scatter, offset);
        }
      }
      return;
    }
    for (int kFrom = 0; kFrom < k; kFrom += DEPTH) {
      int kTo = Math.min(k, kFrom + DEPTH);
      boolean load = onto || kFrom > 0;
      double[] start = kFrom == 0 ? init : null;
      int jt = 0;
      for (; jt + 1 < jTiles; jt += 2) {
        int it = iFrom;
        for (; it + 1 < iTo; it += 2) {
          eightBySixteen(it, jt, jTiles, kFrom, kTo, k, a, b, start, load, c);
        }
        if (it < iTo) {
          fourBySixteen(it, jt, jTiles, kFrom, kTo, k, a, b, start, load, c);
        }
      }
      if (jt < jTiles) {
        int it = iFrom;
        for (; it + 1 < iTo; it += 2) {
          eightByEight(it, jt, jTiles, kFrom, kTo, k, a, b, start, load, c, null, 0);
        }
        if (it < iTo) {
          fourByEight(it, jt, jTiles, kFrom, kTo, k, a, b, start, load, c, null, 0);
        }
      }
    }
  }

  /**
   * {@link Tiles#multiplyAddingTwo}: two products of one {@code a}, side by side, as blocks of
   * 8 × 16 (the eight columns of {@code b0}'s panel and of {@code b1}'s), each added where it is
   * sent in the order of {@link #multiply}'s scatter-add.
   */
  static void multiplyAddingTwo(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b0,
      double[] b1, int[] scatter, double[] into, int offset0, int offset1) {
    for (int jt = 0; jt < jTiles; jt++) {
      int it = iFrom;
      for (; it + 1 < iTo; it += 2) {
        eightBySixteenAdding(it, jt, jTiles, k, a, b0, b1, scatter, into, offset0, offset1);
      }
      if (it < iTo) {
        fourByEight(it, jt, jTiles, 0, k, k, a, b0, null, false, into, scatter, offset0);
        fourByEight(it, jt, jTiles, 0, k, k, a, b1, null, false, into, scatter, offset1);
      }
    }
  }

  /** Tiles {@code it, it + 1} × {@code jt} of both products, added where they are sent. */
  private static void eightBySixteenAdding(int it, int jt, int jTiles, int k, double[] a,
      double[] b0, double[] b1, int[] scatter, double[] into, int offset0, int offset1) {
    DoubleVector c00 = DoubleVector.zero(EIGHT);
    DoubleVector c01 = c00;
    DoubleVector c10 = c00;
    DoubleVector c11 = c00;
    DoubleVector c20 = c00;
    DoubleVector c21 = c00;
    DoubleVector c30 = c00;
    DoubleVector c31 = c00;
    DoubleVector c40 = c00;
    DoubleVector c41 = c00;
    DoubleVector c50 = c00;
    DoubleVector c51 = c00;
    DoubleVector c60 = c00;
    DoubleVector c61 = c00;
    DoubleVector c70 = c00;
    DoubleVector c71 = c00;
    int top = it * k * Tiles.ROWS;
    int bottom = top + k * Tiles.ROWS;
    int left = jt * k * Tiles.COLUMNS;
    for (int kk = 0; kk < k; kk++) {
      DoubleVector v0 = DoubleVector.fromArray(EIGHT, b0, left);
      DoubleVector v1 = DoubleVector.fromArray(EIGHT, b1, left);
      DoubleVector x = DoubleVector.broadcast(EIGHT, a[top]);
      c00 = x.fma(v0, c00);
      c01 = x.fma(v1, c01);
      x = DoubleVector.broadcast(EIGHT, a[top + 1]);
      c10 = x.fma(v0, c10);
      c11 = x.fma(v1, c11);
      x = DoubleVector.broadcast(EIGHT, a[top + 2]);
      c20 = x.fma(v0, c20);
      c21 = x.fma(v1, c21);
      x = DoubleVector.broadcast(EIGHT, a[top + 3]);
      c30 = x.fma(v0, c30);
      c31 = x.fma(v1, c31);
      x = DoubleVector.broadcast(EIGHT, a[bottom]);
      c40 = x.fma(v0, c40);
      c41 = x.fma(v1, c41);
      x = DoubleVector.broadcast(EIGHT, a[bottom + 1]);
      c50 = x.fma(v0, c50);
      c51 = x.fma(v1, c51);
      x = DoubleVector.broadcast(EIGHT, a[bottom + 2]);
      c60 = x.fma(v0, c60);
      c61 = x.fma(v1, c61);
      x = DoubleVector.broadcast(EIGHT, a[bottom + 3]);
      c70 = x.fma(v0, c70);
      c71 = x.fma(v1, c71);
      top += Tiles.ROWS;
      bottom += Tiles.ROWS;
      left += Tiles.COLUMNS;
    }
    // Spelt out, as in VectorTiles: a helper taking vectors may be left uninlined, and box them.
    int row = it * Tiles.ROWS * jTiles + jt;
    int to = scatter[row];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c00).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c01).intoArray(into, to + offset1);
    }
    to = scatter[row + jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c10).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c11).intoArray(into, to + offset1);
    }
    to = scatter[row + 2 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c20).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c21).intoArray(into, to + offset1);
    }
    to = scatter[row + 3 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c30).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c31).intoArray(into, to + offset1);
    }
    to = scatter[row + 4 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c40).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c41).intoArray(into, to + offset1);
    }
    to = scatter[row + 5 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c50).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c51).intoArray(into, to + offset1);
    }
    to = scatter[row + 6 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c60).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c61).intoArray(into, to + offset1);
    }
    to = scatter[row + 7 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, into, to + offset0).add(c70).intoArray(into, to + offset0);
      DoubleVector.fromArray(EIGHT, into, to + offset1).add(c71).intoArray(into, to + offset1);
    }
  }

  /**
   * A tile's first value in row {@code i}: its bias, or zero. (A scalar: a helper returning a
   * vector may be left uninlined, and box it.)
   */
  private static double first(double[] start, int i) {
    return start == null ? 0.0 : start[i];
  }

  /** Tiles {@code it, it + 1} × {@code jt, jt + 1}. */
  private static void eightBySixteen(int it, int jt, int jTiles, int kFrom, int kTo, int k,
      double[] a, double[] b, double[] start, boolean load, double[] c) {
    int width = jTiles * Tiles.COLUMNS;
    int i = it * Tiles.ROWS;
    int at = i * width + jt * Tiles.COLUMNS;
    int right = at + Tiles.COLUMNS;
    DoubleVector c00;
    DoubleVector c01;
    DoubleVector c10;
    DoubleVector c11;
    DoubleVector c20;
    DoubleVector c21;
    DoubleVector c30;
    DoubleVector c31;
    DoubleVector c40;
    DoubleVector c41;
    DoubleVector c50;
    DoubleVector c51;
    DoubleVector c60;
    DoubleVector c61;
    DoubleVector c70;
    DoubleVector c71;
    if (load) {
      c00 = DoubleVector.fromArray(EIGHT, c, at);
      c01 = DoubleVector.fromArray(EIGHT, c, right);
      c10 = DoubleVector.fromArray(EIGHT, c, at + width);
      c11 = DoubleVector.fromArray(EIGHT, c, right + width);
      c20 = DoubleVector.fromArray(EIGHT, c, at + 2 * width);
      c21 = DoubleVector.fromArray(EIGHT, c, right + 2 * width);
      c30 = DoubleVector.fromArray(EIGHT, c, at + 3 * width);
      c31 = DoubleVector.fromArray(EIGHT, c, right + 3 * width);
      c40 = DoubleVector.fromArray(EIGHT, c, at + 4 * width);
      c41 = DoubleVector.fromArray(EIGHT, c, right + 4 * width);
      c50 = DoubleVector.fromArray(EIGHT, c, at + 5 * width);
      c51 = DoubleVector.fromArray(EIGHT, c, right + 5 * width);
      c60 = DoubleVector.fromArray(EIGHT, c, at + 6 * width);
      c61 = DoubleVector.fromArray(EIGHT, c, right + 6 * width);
      c70 = DoubleVector.fromArray(EIGHT, c, at + 7 * width);
      c71 = DoubleVector.fromArray(EIGHT, c, right + 7 * width);
    } else {
      c00 = DoubleVector.broadcast(EIGHT, first(start, i));
      c01 = c00;
      c10 = DoubleVector.broadcast(EIGHT, first(start, i + 1));
      c11 = c10;
      c20 = DoubleVector.broadcast(EIGHT, first(start, i + 2));
      c21 = c20;
      c30 = DoubleVector.broadcast(EIGHT, first(start, i + 3));
      c31 = c30;
      c40 = DoubleVector.broadcast(EIGHT, first(start, i + 4));
      c41 = c40;
      c50 = DoubleVector.broadcast(EIGHT, first(start, i + 5));
      c51 = c50;
      c60 = DoubleVector.broadcast(EIGHT, first(start, i + 6));
      c61 = c60;
      c70 = DoubleVector.broadcast(EIGHT, first(start, i + 7));
      c71 = c70;
    }
    int top = (it * k + kFrom) * Tiles.ROWS;
    int bottom = top + k * Tiles.ROWS;
    int left = (jt * k + kFrom) * Tiles.COLUMNS;
    int next = left + k * Tiles.COLUMNS;
    for (int kk = kFrom; kk < kTo; kk++) {
      DoubleVector b0 = DoubleVector.fromArray(EIGHT, b, left);
      DoubleVector b1 = DoubleVector.fromArray(EIGHT, b, next);
      DoubleVector x = DoubleVector.broadcast(EIGHT, a[top]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(EIGHT, a[top + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(EIGHT, a[top + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(EIGHT, a[top + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      x = DoubleVector.broadcast(EIGHT, a[bottom]);
      c40 = x.fma(b0, c40);
      c41 = x.fma(b1, c41);
      x = DoubleVector.broadcast(EIGHT, a[bottom + 1]);
      c50 = x.fma(b0, c50);
      c51 = x.fma(b1, c51);
      x = DoubleVector.broadcast(EIGHT, a[bottom + 2]);
      c60 = x.fma(b0, c60);
      c61 = x.fma(b1, c61);
      x = DoubleVector.broadcast(EIGHT, a[bottom + 3]);
      c70 = x.fma(b0, c70);
      c71 = x.fma(b1, c71);
      top += Tiles.ROWS;
      bottom += Tiles.ROWS;
      left += Tiles.COLUMNS;
      next += Tiles.COLUMNS;
    }
    c00.intoArray(c, at);
    c01.intoArray(c, right);
    c10.intoArray(c, at + width);
    c11.intoArray(c, right + width);
    c20.intoArray(c, at + 2 * width);
    c21.intoArray(c, right + 2 * width);
    c30.intoArray(c, at + 3 * width);
    c31.intoArray(c, right + 3 * width);
    c40.intoArray(c, at + 4 * width);
    c41.intoArray(c, right + 4 * width);
    c50.intoArray(c, at + 5 * width);
    c51.intoArray(c, right + 5 * width);
    c60.intoArray(c, at + 6 * width);
    c61.intoArray(c, right + 6 * width);
    c70.intoArray(c, at + 7 * width);
    c71.intoArray(c, right + 7 * width);
  }

  /** Tile {@code it} × {@code jt, jt + 1}. */
  private static void fourBySixteen(int it, int jt, int jTiles, int kFrom, int kTo, int k,
      double[] a, double[] b, double[] start, boolean load, double[] c) {
    int width = jTiles * Tiles.COLUMNS;
    int i = it * Tiles.ROWS;
    int at = i * width + jt * Tiles.COLUMNS;
    int right = at + Tiles.COLUMNS;
    DoubleVector c00;
    DoubleVector c01;
    DoubleVector c10;
    DoubleVector c11;
    DoubleVector c20;
    DoubleVector c21;
    DoubleVector c30;
    DoubleVector c31;
    if (load) {
      c00 = DoubleVector.fromArray(EIGHT, c, at);
      c01 = DoubleVector.fromArray(EIGHT, c, right);
      c10 = DoubleVector.fromArray(EIGHT, c, at + width);
      c11 = DoubleVector.fromArray(EIGHT, c, right + width);
      c20 = DoubleVector.fromArray(EIGHT, c, at + 2 * width);
      c21 = DoubleVector.fromArray(EIGHT, c, right + 2 * width);
      c30 = DoubleVector.fromArray(EIGHT, c, at + 3 * width);
      c31 = DoubleVector.fromArray(EIGHT, c, right + 3 * width);
    } else {
      c00 = DoubleVector.broadcast(EIGHT, first(start, i));
      c01 = c00;
      c10 = DoubleVector.broadcast(EIGHT, first(start, i + 1));
      c11 = c10;
      c20 = DoubleVector.broadcast(EIGHT, first(start, i + 2));
      c21 = c20;
      c30 = DoubleVector.broadcast(EIGHT, first(start, i + 3));
      c31 = c30;
    }
    int top = (it * k + kFrom) * Tiles.ROWS;
    int left = (jt * k + kFrom) * Tiles.COLUMNS;
    int next = left + k * Tiles.COLUMNS;
    for (int kk = kFrom; kk < kTo; kk++) {
      DoubleVector b0 = DoubleVector.fromArray(EIGHT, b, left);
      DoubleVector b1 = DoubleVector.fromArray(EIGHT, b, next);
      DoubleVector x = DoubleVector.broadcast(EIGHT, a[top]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = DoubleVector.broadcast(EIGHT, a[top + 1]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = DoubleVector.broadcast(EIGHT, a[top + 2]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = DoubleVector.broadcast(EIGHT, a[top + 3]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
      top += Tiles.ROWS;
      left += Tiles.COLUMNS;
      next += Tiles.COLUMNS;
    }
    c00.intoArray(c, at);
    c01.intoArray(c, right);
    c10.intoArray(c, at + width);
    c11.intoArray(c, right + width);
    c20.intoArray(c, at + 2 * width);
    c21.intoArray(c, right + 2 * width);
    c30.intoArray(c, at + 3 * width);
    c31.intoArray(c, right + 3 * width);
  }

  /**
   * Tiles {@code it, it + 1} × {@code jt}; with a scatter, each row of eight added where it is
   * sent, rows in order.
   */
  private static void eightByEight(int it, int jt, int jTiles, int kFrom, int kTo, int k,
      double[] a, double[] b, double[] start, boolean load, double[] c, int[] scatter,
      int offset) {
    int width = jTiles * Tiles.COLUMNS;
    int i = it * Tiles.ROWS;
    int at = i * width + jt * Tiles.COLUMNS;
    DoubleVector c0;
    DoubleVector c1;
    DoubleVector c2;
    DoubleVector c3;
    DoubleVector c4;
    DoubleVector c5;
    DoubleVector c6;
    DoubleVector c7;
    if (load) {
      c0 = DoubleVector.fromArray(EIGHT, c, at);
      c1 = DoubleVector.fromArray(EIGHT, c, at + width);
      c2 = DoubleVector.fromArray(EIGHT, c, at + 2 * width);
      c3 = DoubleVector.fromArray(EIGHT, c, at + 3 * width);
      c4 = DoubleVector.fromArray(EIGHT, c, at + 4 * width);
      c5 = DoubleVector.fromArray(EIGHT, c, at + 5 * width);
      c6 = DoubleVector.fromArray(EIGHT, c, at + 6 * width);
      c7 = DoubleVector.fromArray(EIGHT, c, at + 7 * width);
    } else {
      c0 = DoubleVector.broadcast(EIGHT, first(start, i));
      c1 = DoubleVector.broadcast(EIGHT, first(start, i + 1));
      c2 = DoubleVector.broadcast(EIGHT, first(start, i + 2));
      c3 = DoubleVector.broadcast(EIGHT, first(start, i + 3));
      c4 = DoubleVector.broadcast(EIGHT, first(start, i + 4));
      c5 = DoubleVector.broadcast(EIGHT, first(start, i + 5));
      c6 = DoubleVector.broadcast(EIGHT, first(start, i + 6));
      c7 = DoubleVector.broadcast(EIGHT, first(start, i + 7));
    }
    int top = (it * k + kFrom) * Tiles.ROWS;
    int bottom = top + k * Tiles.ROWS;
    int left = (jt * k + kFrom) * Tiles.COLUMNS;
    for (int kk = kFrom; kk < kTo; kk++) {
      DoubleVector b0 = DoubleVector.fromArray(EIGHT, b, left);
      c0 = DoubleVector.broadcast(EIGHT, a[top]).fma(b0, c0);
      c1 = DoubleVector.broadcast(EIGHT, a[top + 1]).fma(b0, c1);
      c2 = DoubleVector.broadcast(EIGHT, a[top + 2]).fma(b0, c2);
      c3 = DoubleVector.broadcast(EIGHT, a[top + 3]).fma(b0, c3);
      c4 = DoubleVector.broadcast(EIGHT, a[bottom]).fma(b0, c4);
      c5 = DoubleVector.broadcast(EIGHT, a[bottom + 1]).fma(b0, c5);
      c6 = DoubleVector.broadcast(EIGHT, a[bottom + 2]).fma(b0, c6);
      c7 = DoubleVector.broadcast(EIGHT, a[bottom + 3]).fma(b0, c7);
      top += Tiles.ROWS;
      bottom += Tiles.ROWS;
      left += Tiles.COLUMNS;
    }
    if (scatter == null) {
      c0.intoArray(c, at);
      c1.intoArray(c, at + width);
      c2.intoArray(c, at + 2 * width);
      c3.intoArray(c, at + 3 * width);
      c4.intoArray(c, at + 4 * width);
      c5.intoArray(c, at + 5 * width);
      c6.intoArray(c, at + 6 * width);
      c7.intoArray(c, at + 7 * width);
      return;
    }
    // Spelt out, as in VectorTiles: a helper taking vectors may be left uninlined, and box them.
    int row = i * jTiles + jt;
    int to = scatter[row];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c0).intoArray(c, to + offset);
    }
    to = scatter[row + jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c1).intoArray(c, to + offset);
    }
    to = scatter[row + 2 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c2).intoArray(c, to + offset);
    }
    to = scatter[row + 3 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c3).intoArray(c, to + offset);
    }
    to = scatter[row + 4 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c4).intoArray(c, to + offset);
    }
    to = scatter[row + 5 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c5).intoArray(c, to + offset);
    }
    to = scatter[row + 6 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c6).intoArray(c, to + offset);
    }
    to = scatter[row + 7 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c7).intoArray(c, to + offset);
    }
  }

  /** Tile {@code it} × {@code jt}; with a scatter, each row of eight added where it is sent. */
  private static void fourByEight(int it, int jt, int jTiles, int kFrom, int kTo, int k,
      double[] a, double[] b, double[] start, boolean load, double[] c, int[] scatter,
      int offset) {
    int width = jTiles * Tiles.COLUMNS;
    int i = it * Tiles.ROWS;
    int at = i * width + jt * Tiles.COLUMNS;
    DoubleVector c0;
    DoubleVector c1;
    DoubleVector c2;
    DoubleVector c3;
    if (load) {
      c0 = DoubleVector.fromArray(EIGHT, c, at);
      c1 = DoubleVector.fromArray(EIGHT, c, at + width);
      c2 = DoubleVector.fromArray(EIGHT, c, at + 2 * width);
      c3 = DoubleVector.fromArray(EIGHT, c, at + 3 * width);
    } else {
      c0 = DoubleVector.broadcast(EIGHT, first(start, i));
      c1 = DoubleVector.broadcast(EIGHT, first(start, i + 1));
      c2 = DoubleVector.broadcast(EIGHT, first(start, i + 2));
      c3 = DoubleVector.broadcast(EIGHT, first(start, i + 3));
    }
    int top = (it * k + kFrom) * Tiles.ROWS;
    int left = (jt * k + kFrom) * Tiles.COLUMNS;
    for (int kk = kFrom; kk < kTo; kk++) {
      DoubleVector b0 = DoubleVector.fromArray(EIGHT, b, left);
      c0 = DoubleVector.broadcast(EIGHT, a[top]).fma(b0, c0);
      c1 = DoubleVector.broadcast(EIGHT, a[top + 1]).fma(b0, c1);
      c2 = DoubleVector.broadcast(EIGHT, a[top + 2]).fma(b0, c2);
      c3 = DoubleVector.broadcast(EIGHT, a[top + 3]).fma(b0, c3);
      top += Tiles.ROWS;
      left += Tiles.COLUMNS;
    }
    if (scatter == null) {
      c0.intoArray(c, at);
      c1.intoArray(c, at + width);
      c2.intoArray(c, at + 2 * width);
      c3.intoArray(c, at + 3 * width);
      return;
    }
    int row = i * jTiles + jt;
    int to = scatter[row];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c0).intoArray(c, to + offset);
    }
    to = scatter[row + jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c1).intoArray(c, to + offset);
    }
    to = scatter[row + 2 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c2).intoArray(c, to + offset);
    }
    to = scatter[row + 3 * jTiles];
    if (to >= 0) {
      DoubleVector.fromArray(EIGHT, c, to + offset).add(c3).intoArray(c, to + offset);
    }
  }
}
