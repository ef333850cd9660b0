package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tiled product is its definition, one chain of {@code fma} per entry, and the Vector API and
 * the plain loops give the same bits in each of its three forms.
 */
class TilesTest {

  private static final int I_TILES = 3;
  private static final int J_TILES = 2;
  private static final int K = 37;

  private final Random random = new Random(11);
  private final double[] a = gaussian(I_TILES * Tiles.ROWS * K);
  private final double[] b = gaussian(J_TILES * Tiles.COLUMNS * K);
  private final double[] init = gaussian(I_TILES * Tiles.ROWS);
  private final int width = J_TILES * Tiles.COLUMNS;

  @Test
  void multiply_isOneFmaChainPerEntry() {
    double[] c = new double[I_TILES * Tiles.ROWS * width];
    Tiles.multiply(0, I_TILES, J_TILES, K, a, b, init, c);
    for (int i = 0; i < I_TILES * Tiles.ROWS; i++) {
      for (int j = 0; j < width; j++) {
        double sum = init[i];
        for (int k = 0; k < K; k++) {
          sum = Math.fma(a[(i / 4 * K + k) * 4 + i % 4], b[(j / 8 * K + k) * 8 + j % 8], sum);
        }
        assertThat(c[i * width + j]).as("c[%d][%d]", i, j).isEqualTo(sum);
      }
    }
  }

  @Test
  void multiplyOnto_inParts_isTheWholeChain() {
    double[] whole = new double[I_TILES * Tiles.ROWS * width];
    Tiles.multiply(0, I_TILES, J_TILES, K, a, b, null, whole);
    // The first 20 terms, then the other 17, from panels cut at k = 20.
    int first = 20;
    double[] parts = new double[whole.length];
    Tiles.multiply(0, I_TILES, J_TILES, first, cut(a, Tiles.ROWS, I_TILES, 0, first),
        cut(b, Tiles.COLUMNS, J_TILES, 0, first), null, parts);
    Tiles.multiplyOnto(0, I_TILES, J_TILES, K - first, cut(a, Tiles.ROWS, I_TILES, first, K),
        cut(b, Tiles.COLUMNS, J_TILES, first, K), parts);
    assertThat(parts).isEqualTo(whole);
  }

  @Test
  void vectorApiAndLoops_giveTheSameBits() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the test JVM runs without jdk.incubator.vector");
    double[] loops = new double[I_TILES * Tiles.ROWS * width];
    double[] vector = new double[loops.length];
    Tiles.multiplyLoops(0, I_TILES, J_TILES, K, a, b, init, false, loops, null, 0);
    VectorTiles.multiply(0, I_TILES, J_TILES, K, a, b, init, false, vector, null, 0);
    assertThat(vector).isEqualTo(loops);

    Tiles.multiplyLoops(1, I_TILES, J_TILES, K, a, b, null, true, loops, null, 0);
    VectorTiles.multiply(1, I_TILES, J_TILES, K, a, b, null, true, vector, null, 0);
    assertThat(vector).isEqualTo(loops);

    // Scatter-add: every row of eight onto its own place, some rows nowhere.
    int[] scatter = new int[I_TILES * Tiles.ROWS * J_TILES];
    for (int row = 0; row < scatter.length; row++) {
      scatter[row] = row % 5 == 3 ? -1 : (scatter.length - 1 - row) * 8;
    }
    double[] intoLoops = gaussian(scatter.length * 8 + 3);
    double[] intoVector = intoLoops.clone();
    Tiles.multiplyLoops(0, I_TILES, J_TILES, K, a, b, null, false, intoLoops, scatter, 3);
    VectorTiles.multiply(0, I_TILES, J_TILES, K, a, b, null, false, intoVector, scatter, 3);
    assertThat(intoVector).isEqualTo(intoLoops);
  }

  @Test
  void vectorApi_overSumsLongerThanItsDepth_givesTheBitsOfTheLoops() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the test JVM runs without jdk.incubator.vector");
    int k = 2 * VectorTiles.DEPTH + 37; // three parts, the last a short one
    double[] longA = gaussian(I_TILES * Tiles.ROWS * k);
    double[] longB = gaussian(J_TILES * Tiles.COLUMNS * k);
    double[] loops = new double[I_TILES * Tiles.ROWS * width];
    double[] vector = new double[loops.length];
    Tiles.multiplyLoops(0, I_TILES, J_TILES, k, longA, longB, init, false, loops, null, 0);
    VectorTiles.multiply(0, I_TILES, J_TILES, k, longA, longB, init, false, vector, null, 0);
    assertThat(vector).isEqualTo(loops);

    Tiles.multiplyLoops(1, I_TILES, J_TILES, k, longA, longB, null, true, loops, null, 0);
    VectorTiles.multiply(1, I_TILES, J_TILES, k, longA, longB, null, true, vector, null, 0);
    assertThat(vector).isEqualTo(loops);
  }

  /**
   * The 512-bit kernels on five panels of rows by three of columns (blocks of 8 × 16 and every
   * edge block: 4 × 16, 8 × 8, 4 × 8), in parts longer than their depth, and a scatter-add onto
   * overlapping places, where the order of the additions shows in the bits. (On a machine without
   * AVX-512 the Vector API runs them slowly, with the same results.)
   */
  @Test
  void wideVectors_giveTheBitsOfTheLoops() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the test JVM runs without jdk.incubator.vector");
    int iTiles = 5;
    int jTiles = 3;
    for (int k : new int[] {K, 2 * WideVectorTiles.DEPTH + 37}) {
      double[] longA = gaussian(iTiles * Tiles.ROWS * k);
      double[] longB = gaussian(jTiles * Tiles.COLUMNS * k);
      double[] start = gaussian(iTiles * Tiles.ROWS);
      double[] loops = new double[iTiles * Tiles.ROWS * jTiles * Tiles.COLUMNS];
      double[] wide = new double[loops.length];
      Tiles.multiplyLoops(0, iTiles, jTiles, k, longA, longB, start, false, loops, null, 0);
      WideVectorTiles.multiply(0, iTiles, jTiles, k, longA, longB, start, false, wide, null, 0);
      assertThat(wide).as("k = %d", k).isEqualTo(loops);

      Tiles.multiplyLoops(1, iTiles, jTiles, k, longA, longB, null, true, loops, null, 0);
      WideVectorTiles.multiply(1, iTiles, jTiles, k, longA, longB, null, true, wide, null, 0);
      assertThat(wide).as("k = %d, onto", k).isEqualTo(loops);

      int[] scatter = new int[iTiles * Tiles.ROWS * jTiles];
      for (int row = 0; row < scatter.length; row++) {
        scatter[row] = row % 7 == 3 ? -1 : row % 3 * 5; // overlapping rows of eight
      }
      double[] intoLoops = gaussian(2 * 5 + 8 + 1);
      double[] intoWide = intoLoops.clone();
      Tiles.multiplyLoops(0, iTiles, jTiles, k, longA, longB, null, false, intoLoops, scatter, 1);
      WideVectorTiles.multiply(0, iTiles, jTiles, k, longA, longB, null, false, intoWide, scatter,
          1);
      assertThat(intoWide).as("k = %d, scatter-add", k).isEqualTo(intoLoops);
    }
  }

  /**
   * Two scatter-adds at once (the 512-bit kernels side by side, and the public entry on whatever
   * path runs) give the bits of two scatter-adds one after the other, onto overlapping places
   * within each product and an odd number of row panels (an edge block of four rows).
   */
  @Test
  void multiplyAddingTwo_isTwoScatterAdds() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the test JVM runs without jdk.incubator.vector");
    int iTiles = 5;
    int jTiles = 3;
    double[] longA = gaussian(iTiles * Tiles.ROWS * K);
    double[] b0 = gaussian(jTiles * Tiles.COLUMNS * K);
    double[] b1 = gaussian(jTiles * Tiles.COLUMNS * K);
    int[] scatter = new int[iTiles * Tiles.ROWS * jTiles];
    for (int row = 0; row < scatter.length; row++) {
      scatter[row] = row % 7 == 3 ? -1 : row % 3 * 5;
    }
    double[] oneByOne = gaussian(2 * 40);
    double[] wide = oneByOne.clone();
    double[] entry = oneByOne.clone();
    Tiles.multiplyLoops(0, iTiles, jTiles, K, longA, b0, null, false, oneByOne, scatter, 1);
    Tiles.multiplyLoops(0, iTiles, jTiles, K, longA, b1, null, false, oneByOne, scatter, 41);
    WideVectorTiles.multiplyAddingTwo(0, iTiles, jTiles, K, longA, b0, b1, scatter, wide, 1, 41);
    Tiles.multiplyAddingTwo(0, iTiles, jTiles, K, longA, b0, b1, scatter, entry, 1, 41);
    assertThat(wide).isEqualTo(oneByOne);
    assertThat(entry).isEqualTo(oneByOne);
  }

  @Test
  void multiplyAdding_addsEachRowOfEightWhereItIsSent() {
    int[] scatter = new int[I_TILES * Tiles.ROWS * J_TILES];
    for (int row = 0; row < scatter.length; row++) {
      scatter[row] = row == 5 ? -1 : row * 8;
    }
    double[] into = gaussian(scatter.length * 8 + 2);
    double[] before = into.clone();
    Tiles.multiplyAdding(0, I_TILES, J_TILES, K, a, b, scatter, into, 2);
    double[] product = new double[I_TILES * Tiles.ROWS * width];
    Tiles.multiply(0, I_TILES, J_TILES, K, a, b, null, product);
    for (int i = 0; i < I_TILES * Tiles.ROWS; i++) {
      for (int jt = 0; jt < J_TILES; jt++) {
        int row = i * J_TILES + jt;
        for (int l = 0; l < 8; l++) {
          double expected = row == 5 ? before[2 + row * 8 + l]
              : before[2 + row * 8 + l] + product[i * width + jt * 8 + l];
          assertThat(into[2 + row * 8 + l]).isEqualTo(expected);
        }
      }
    }
  }

  /** The part {@code [from, to)} of {@code k} of each panel. */
  private static double[] cut(double[] panels, int lanes, int count, int from, int to) {
    int k = K;
    double[] part = new double[count * lanes * (to - from)];
    for (int t = 0; t < count; t++) {
      System.arraycopy(panels, (t * k + from) * lanes, part, t * (to - from) * lanes,
          (to - from) * lanes);
    }
    return part;
  }

  private double[] gaussian(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }
}
