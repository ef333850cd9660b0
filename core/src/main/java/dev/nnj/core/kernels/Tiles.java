package dev.nnj.core.kernels;

/**
 * A matrix product on packed panels, computed tile by tile with the accumulators held in
 * registers: {@code c[i][j] = init[i] + Σ_k a[k][i] · b[k][j]}, each sum taken as a chain of fused
 * multiply-adds over {@code k} in order, {@code c ← fma(a[k][i], b[k][j], c)}.
 *
 * <p>This is the register-tiled micro-kernel of BLIS and oneDNN. The operands come packed: {@code a}
 * in panels of {@link #ROWS} rows, {@code a[k][i]} of panel {@code t = i / ROWS} at
 * {@code (t · K + k) · ROWS + i % ROWS}; {@code b} in panels of {@link #COLUMNS} columns,
 * {@code b[k][j]} at {@code (t · K + k) · COLUMNS + j % COLUMNS}. Each tile of
 * {@code ROWS × COLUMNS} sums then reads both panels once, front to back, and its 32 accumulators
 * stay in registers over the whole of {@code k}; the callers pad the panels with zeros, so that
 * every tile is whole. {@code c} is written row-major, {@code iTiles · ROWS} rows of
 * {@code jTiles · COLUMNS}.
 *
 * <p>Two implementations give the same bits: Java's Vector API ({@code jdk.incubator.vector}), used
 * when the JVM was started with {@code --add-modules jdk.incubator.vector} (nnj's launcher does so),
 * and plain loops otherwise. Each entry of {@code c} is one chain of {@link Math#fma} in the same
 * order in both; the vector lanes are independent entries, so no sum is split or reordered.
 * On a machine whose preferred vectors are 512 bits wide (AVX-512), the Vector API path runs
 * {@link WideVectorTiles}, eight doubles per vector, again with the same bits. The system property
 * {@code nnj.vector=false} turns the Vector API off, {@code nnj.vector=256} keeps it to vectors of
 * four doubles.
 */
public final class Tiles {

  /** Rows of {@code c} per tile, the width of {@code a}'s panels. */
  public static final int ROWS = 4;

  /** Columns of {@code c} per tile, the width of {@code b}'s panels: two vectors of four doubles. */
  public static final int COLUMNS = 8;

  /** Whether the Vector API path runs: the module is present and not turned off. */
  private static final boolean VECTOR = !"false".equals(System.getProperty("nnj.vector"))
      && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /** Whether that path runs on vectors of eight doubles (only read where {@link #VECTOR}). */
  private static final boolean WIDE = VECTOR && !"256".equals(System.getProperty("nnj.vector"))
      && WideVectorTiles.PREFERRED;

  private Tiles() {}

  /** Whether products run on Java's Vector API rather than on plain loops (the same bits). */
  public static boolean vectorApi() {
    return VECTOR;
  }

  /** The width in bits of the vectors the products run on: 512, 256, or 0 for plain loops. */
  public static int vectorBits() {
    return WIDE ? 512 : VECTOR ? 256 : 0;
  }

  /**
   * {@code c = init + aᵀ b} over the tiles {@code [iFrom, iTo)} × all {@code jTiles} (see the class
   * comment for the layouts).
   *
   * @param k the length of every sum
   * @param init {@code iTiles · ROWS} starting values, one per row of {@code c}, or null for zeros
   * @param c row-major, {@code jTiles · COLUMNS} wide; the tiles' entries are overwritten
   */
  public static void multiply(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b,
      double[] init, double[] c) {
    run(iFrom, iTo, jTiles, k, a, b, init, false, c, null, 0);
  }

  /**
   * {@code c += aᵀ b}, each chain of {@code fma} continuing from the entry of {@code c}: a sum over
   * {@code k} taken in parts, one call per part, gives the bits of one call over the whole.
   */
  public static void multiplyOnto(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b,
      double[] c) {
    run(iFrom, iTo, jTiles, k, a, b, null, true, c, null, 0);
  }

  /**
   * Adds each tile's row of eight sums {@code (aᵀ b)[i][jt · 8 ..]} to the eight entries of
   * {@code into} from {@code offset + scatter[i · jTiles + jt]} on (none where the latter is
   * negative): a product added straight to where its entries belong, such as a convolution's input
   * gradient. Tiles are added in the order {@code jt}, then {@code i}.
   */
  public static void multiplyAdding(int iFrom, int iTo, int jTiles, int k, double[] a,
      double[] b, int[] scatter, double[] into, int offset) {
    run(iFrom, iTo, jTiles, k, a, b, null, false, into, scatter, offset);
  }

  /**
   * Two scatter-adds of one {@code a} at once, {@code b0}'s product onto {@code into} from
   * {@code offset0} and {@code b1}'s from {@code offset1}, as {@link #multiplyAdding} twice: the
   * two must not overlap (two examples of a batch, say), so that each keeps its own order of
   * additions. The 512-bit kernels take them side by side, 16 sums a row.
   */
  public static void multiplyAddingTwo(int iFrom, int iTo, int jTiles, int k, double[] a,
      double[] b0, double[] b1, int[] scatter, double[] into, int offset0, int offset1) {
    if (WIDE) {
      WideVectorTiles.multiplyAddingTwo(iFrom, iTo, jTiles, k, a, b0, b1, scatter, into, offset0,
          offset1);
    } else {
      multiplyAdding(iFrom, iTo, jTiles, k, a, b0, scatter, into, offset0);
      multiplyAdding(iFrom, iTo, jTiles, k, a, b1, scatter, into, offset1);
    }
  }

  private static void run(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b,
      double[] init, boolean onto, double[] c, int[] scatter, int offset) {
    if (WIDE) {
      WideVectorTiles.multiply(iFrom, iTo, jTiles, k, a, b, init, onto, c, scatter, offset);
    } else if (VECTOR) {
      VectorTiles.multiply(iFrom, iTo, jTiles, k, a, b, init, onto, c, scatter, offset);
    } else {
      multiplyLoops(iFrom, iTo, jTiles, k, a, b, init, onto, c, scatter, offset);
    }
  }

  /**
   * The plain-loop path: the same chains of {@code fma}, one row of a tile at a time, its eight
   * sums in locals.
   */
  static void multiplyLoops(int iFrom, int iTo, int jTiles, int k, double[] a, double[] b,
      double[] init, boolean onto, double[] c, int[] scatter, int offset) {
    int width = jTiles * COLUMNS;
    for (int jt = 0; jt < jTiles; jt++) {
      for (int i = iFrom * ROWS; i < iTo * ROWS; i++) {
        int at = i * width + jt * COLUMNS;
        if (scatter != null) {
          if (scatter[i * jTiles + jt] < 0) {
            continue;
          }
          at = offset + scatter[i * jTiles + jt];
        }
        double s0 = init == null ? 0.0 : init[i];
        double s1 = s0;
        double s2 = s0;
        double s3 = s0;
        double s4 = s0;
        double s5 = s0;
        double s6 = s0;
        double s7 = s0;
        if (onto) {
          s0 = c[at];
          s1 = c[at + 1];
          s2 = c[at + 2];
          s3 = c[at + 3];
          s4 = c[at + 4];
          s5 = c[at + 5];
          s6 = c[at + 6];
          s7 = c[at + 7];
        }
        int aAt = (i / ROWS) * k * ROWS + i % ROWS;
        int bAt = jt * k * COLUMNS;
        for (int kk = 0; kk < k; kk++, aAt += ROWS, bAt += COLUMNS) {
          double x = a[aAt];
          s0 = Math.fma(x, b[bAt], s0);
          s1 = Math.fma(x, b[bAt + 1], s1);
          s2 = Math.fma(x, b[bAt + 2], s2);
          s3 = Math.fma(x, b[bAt + 3], s3);
          s4 = Math.fma(x, b[bAt + 4], s4);
          s5 = Math.fma(x, b[bAt + 5], s5);
          s6 = Math.fma(x, b[bAt + 6], s6);
          s7 = Math.fma(x, b[bAt + 7], s7);
        }
        if (scatter != null) {
          c[at] += s0;
          c[at + 1] += s1;
          c[at + 2] += s2;
          c[at + 3] += s3;
          c[at + 4] += s4;
          c[at + 5] += s5;
          c[at + 6] += s6;
          c[at + 7] += s7;
        } else {
          c[at] = s0;
          c[at + 1] = s1;
          c[at + 2] = s2;
          c[at + 3] = s3;
          c[at + 4] = s4;
          c[at + 5] = s5;
          c[at + 6] = s6;
          c[at + 7] = s7;
        }
      }
    }
  }
}
