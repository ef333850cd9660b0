package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each kernel against the textbook triple loop; the sparse kernels against the dense ones bit for
 * bit, on one thread and split over two.
 */
class MatricesTest {

  private static final int ROWS = 5;
  private static final int INNER = 7;
  private static final int COLS = 11;
  private static final double SENTINEL = -123.0;
  private final Random random = new Random(1);
  private final double[][] scratch = new double[2][64];

  @Test
  void affine_isATimesWPlusBias() {
    double[] a = sparse(ROWS * INNER);
    double[][] w = rows(INNER, COLS);
    double[] bias = dense(COLS);
    double[] out = sentinels((ROWS + 1) * COLS);
    Matrices.affine(a, ROWS, INNER, w, bias, out, COLS, scratch);
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < COLS; j++) {
        double expected = bias[j];
        for (int k = 0; k < INNER; k++) {
          expected += a[i * INNER + k] * w[k][j];
        }
        assertThat(out[i * COLS + j]).isCloseTo(expected, within(1e-12));
      }
    }
    assertThat(out[ROWS * COLS]).isEqualTo(SENTINEL);
  }

  /** Rows of g shorter and longer than the 32 at which the kernel changes its loop order. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {COLS, 40})
  void transposedTimes_isATransposedTimesD(int cols) {
    double[] a = sparse(ROWS * INNER);
    double[][] d = rows(ROWS, cols);
    double[][] g = sentinelRows(INNER, cols);
    Matrices.transposedTimes(a, ROWS, INNER, d, g, cols);
    for (int k = 0; k < INNER; k++) {
      for (int j = 0; j < cols; j++) {
        double expected = 0;
        for (int i = 0; i < ROWS; i++) {
          expected += a[i * INNER + k] * d[i][j];
        }
        // Exactly: the documented order, example by example (the zeros skipped change no sum).
        assertThat(g[k][j]).as("g[%d][%d]", k, j).isEqualTo(expected);
      }
    }
  }

  @Test
  void timesTransposed_isDTimesWTransposed() {
    double[][] d = rows(ROWS, COLS);
    d[0][1] = 0.0; // a zero entry is skipped, which must change no sum
    d[1][0] = -0.0;
    double[] flat = new double[ROWS * COLS];
    for (int i = 0; i < ROWS; i++) {
      System.arraycopy(d[i], 0, flat, i * COLS, COLS);
    }
    double[][] w = rows(INNER, COLS);
    double[] out = sentinels(ROWS * INNER + 1);
    Matrices.timesTransposed(flat, ROWS, w, INNER, out, COLS, new double[COLS][INNER], scratch);
    for (int i = 0; i < ROWS; i++) {
      for (int k = 0; k < INNER; k++) {
        double expected = 0;
        for (int j = 0; j < COLS; j++) {
          expected += d[i][j] * w[k][j];
        }
        // The same products added in the same order: the same bits.
        assertThat(out[i * INNER + k]).isEqualTo(expected);
      }
    }
    assertThat(out[ROWS * INNER]).isEqualTo(SENTINEL);
  }

  @Test
  void columnSums_addsTheRows() {
    double[] d = {1, 2, 3, 10, 20, 30, 100, 200, 300};
    double[] out = sentinels(3);
    Matrices.columnSums(d, out, 2, 3);
    assertThat(out).containsExactly(11, 22, 33);
  }

  @Test
  void multiply_isElementWiseOverTheFirstN() {
    double[] a = {1, 2, 3, 4};
    Matrices.multiply(a, new double[] {0, 0.5, 2, 10}, 3);
    assertThat(a).containsExactly(0, 1, 6, 4);
  }

  @Test
  void toRows_copiesTheFirstRows() {
    double[][] into = new double[3][2];
    Matrices.toRows(new double[] {1, 2, 3, 4, 5, 6}, 2, 2, into);
    assertThat(into).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {0, 0}});
  }

  @Test
  void argmax_takesTheFirstOfEqualMaxima() {
    double[] a = {9, 0.1, 0.7, 0.7, 0.2, 9};
    assertThat(Matrices.argmax(a, 1, 4)).isEqualTo(1);
    assertThat(Matrices.argmax(a, 0, 1)).isZero();
  }

  @Test
  void sparseKernels_equalTheDenseKernelsBitForBit() {
    checkSparseAgainstDense(6, 9, 21, 1, 4);
  }

  @Test
  void sparseKernels_splitOverTwoThreadsEqualTheDenseKernelsBitForBit() {
    // ≈ 40 × 260 non-zeros × 30 columns ≈ 3·10⁵ multiply-adds: enough to be split.
    assertThat(40L * 784 / 3 * 30).isGreaterThan(Parallel.MINIMUM_WORK);
    checkSparseAgainstDense(40, 784, 30, 0, 40);
  }

  @Test
  void denseKernels_splitOverTwoThreadsGiveTheSameBitsAsOnOne() {
    int rows = 40;
    int inner = 300;
    int cols = 30;
    double[] a = sparse(rows * inner);
    double[][] w = rows(inner, cols);
    double[] bias = dense(cols);
    double[][] d = rows(rows, cols);
    assertThat((long) rows * inner * cols).isGreaterThan(Parallel.MINIMUM_WORK);

    double[] out = new double[rows * cols];
    Matrices.affine(a, rows, inner, w, bias, out, cols, scratch);
    double[][] g = new double[inner][cols];
    Matrices.transposedTimes(a, rows, inner, d, g, cols);

    // The same sums, each computed alone: the order of additions is the kernels' own.
    for (int i = 0; i < rows; i++) {
      double[] one = new double[cols];
      Matrices.affine(Arrays.copyOfRange(a, i * inner, (i + 1) * inner), 1, inner, w, bias, one,
          cols, scratch);
      assertThat(Arrays.copyOfRange(out, i * cols, (i + 1) * cols)).containsExactly(one);
    }
    double[][] serial = new double[inner][cols];
    for (int k = 0; k < inner; k++) {
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          serial[k][j] += a[i * inner + k] * d[i][j];
        }
      }
    }
    assertThat(g).isDeepEqualTo(serial);
  }

  private void checkSparseAgainstDense(int rows, int inner, int cols, int first, int count) {
    float[] dense = sparseFloats(rows * inner);
    int[] order = new int[rows];
    for (int r = 0; r < rows; r++) {
      order[r] = (r * 17 + 3) % rows;
    }
    if (rows > 1) {
      assertThat(order).doesNotHaveDuplicates();
    }
    SparseRows sparse = SparseRows.of(dense, rows, inner);
    double[] gathered = gather(dense, order, first, count, inner);
    double[][] w = rows(inner, cols);
    double[] bias = dense(cols);
    double[][] d = rows(count, cols);

    double[] expectedOut = new double[count * cols];
    Matrices.affine(gathered, count, inner, w, bias, expectedOut, cols, scratch);
    double[] out = sentinels(count * cols + 1);
    Matrices.sparseAffine(sparse, order, first, count, w, bias, out, cols, scratch);
    assertThat(Arrays.copyOf(out, count * cols)).containsExactly(expectedOut);
    assertThat(out[count * cols]).isEqualTo(SENTINEL);

    double[][] expectedG = new double[inner][cols];
    Matrices.transposedTimes(gathered, count, inner, d, expectedG, cols);
    // First another mini-batch (all rows, reversed), whose gradient rows this call must clear.
    double[][] g = new double[inner][cols];
    RowSet touched = new RowSet(inner);
    int[] reversed = new int[rows];
    for (int r = 0; r < rows; r++) {
      reversed[r] = order[rows - 1 - r];
    }
    Matrices.sparseTransposedTimes(sparse, reversed, 0, rows, rows(rows, cols), g, cols, touched);
    Matrices.sparseTransposedTimes(sparse, order, first, count, d, g, cols, touched);
    assertThat(g).isDeepEqualTo(expectedG);

    java.util.Set<Integer> nonZeroColumns = new java.util.TreeSet<>();
    for (int r = first; r < first + count; r++) {
      for (int k = 0; k < inner; k++) {
        if (dense[order[r] * inner + k] != 0f) {
          nonZeroColumns.add(k);
        }
      }
    }
    assertThat(members(touched)).hasSize(touched.size()).isEqualTo(nonZeroColumns);

    // Grouped by input: the same bits, again after another batch that wrote other rows.
    BatchColumns columns = new BatchColumns(inner);
    double[][] grouped = new double[inner][cols];
    RowSet written = new RowSet(inner);
    columns.build(sparse, reversed, 0, rows);
    Matrices.columnsTransposedTimes(columns, rows(rows, cols), grouped, cols, written);
    columns.build(sparse, order, first, count);
    assertThat(columns.rows()).isEqualTo(count);
    assertThat(columns.groups()).isEqualTo(nonZeroColumns.size());
    double[] groupedOut = sentinels(count * cols + 1);
    Matrices.columnsAffine(columns, w, bias, new double[count][cols], groupedOut, cols);
    assertThat(Arrays.copyOf(groupedOut, count * cols)).containsExactly(expectedOut);
    assertThat(groupedOut[count * cols]).isEqualTo(SENTINEL);
    Matrices.columnsTransposedTimes(columns, d, grouped, cols, written);
    assertThat(grouped).isDeepEqualTo(expectedG);
    assertThat(members(written)).hasSize(written.size()).isEqualTo(nonZeroColumns);
  }

  private static java.util.Set<Integer> members(RowSet set) {
    java.util.Set<Integer> members = new java.util.TreeSet<>();
    for (int i = 0; i < set.size(); i++) {
      members.add(set.get(i));
    }
    return members;
  }

  @Test
  void sparseRows_keepsExactlyTheNonZeroEntries() {
    float[] dense = {0, 1.5f, 0, 2, 0, 0, 0, 0, -3};
    SparseRows sparse = SparseRows.of(dense, 3, 3);
    assertThat(sparse.rows()).isEqualTo(3);
    assertThat(sparse.cols()).isEqualTo(3);
    assertThat(sparse.nonZeros()).isEqualTo(3);
    assertThat(Arrays.copyOf(sparse.columns, 3)).containsExactly(1, 0, 2);
    assertThat(Arrays.copyOf(sparse.values, 3)).containsExactly(1.5f, 2f, -3f);
    assertThat(sparse.rowStart).containsExactly(0, 1, 2, 3);
  }

  @Test
  void sparseRows_ofADenseBlock_growsPastItsFirstGuessAndKeepsEveryEntry() {
    // No zeros: four times the quarter the first pass allocates for.
    float[] dense = new float[50 * 40];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = i % 7 == 0 ? -0f : i + 1f; // −0 counts as zero, as != 0 says
    }
    SparseRows sparse = SparseRows.of(dense, 50, 40);
    int zeros = (dense.length + 6) / 7;
    assertThat(sparse.nonZeros()).isEqualTo(dense.length - zeros);
    for (int i = 0; i < 50; i++) {
      double[] row = new double[40];
      sparse.writeRow(i, row, 0);
      for (int k = 0; k < 40; k++) {
        assertThat(row[k]).isEqualTo(dense[i * 40 + k] == 0f ? 0.0 : dense[i * 40 + k]);
      }
    }
  }

  @Test
  void arrangedRows_areTheRowsInTheGivenOrder_andAreRefilledByTheNextArrangement() {
    float[] dense = {0, 1.5f, 0, 2, 0, 0, 0, 0, -3, 4, 5, 6};
    SparseRows sparse = SparseRows.of(dense, 4, 3);
    SparseRows buffer = SparseRows.bufferFor(sparse);
    for (int[] order : new int[][] {{2, 0, 3, 1}, {3, 2, 1, 0}}) {
      buffer.arrange(sparse, order);
      for (int i = 0; i < 4; i++) {
        double[] expected = new double[3];
        double[] actual = new double[3];
        sparse.writeRow(order[i], expected, 0);
        buffer.writeRow(i, actual, 0);
        assertThat(actual).as("row %d", i).containsExactly(expected);
      }
      assertThat(buffer.nonZeros()).isEqualTo(sparse.nonZeros());
    }
    assertThatThrownBy(() -> buffer.arrange(SparseRows.of(dense, 3, 4), new int[] {0, 1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold");
  }

  /**
   * The dense and sparse kernels at widths around the vector sizes (narrow rows of 4 to 33, which
   * the Vector API holds in registers from 8 on, and 100), in three JVMs: the Vector API at the machine's
   * width, at four doubles, and plain loops. All three give the same bits.
   */
  @Test
  void kernels_giveTheSameBitsOnEveryPath() throws Exception {
    java.util.List<String> digests = KernelPaths.digests(Digest.class, java.util.List.of("1"));
    assertThat(digests).hasSize(3).containsOnly(digests.get(0));
  }

  /** Prints a digest of the kernels' results on fixed data; run in a child JVM. */
  static final class Digest {
    public static void main(String[] args) {
      Random random = new Random(7);
      long hash = 17;
      // Large enough for NarrowRows (10⁵ multiply-adds a call) from ten columns on.
      int rows = 40;
      int inner = 300;
      for (int cols : new int[] {4, 7, 8, 10, 16, 17, 30, 32, 33, 100}) {
        double[] a = new double[rows * inner];
        float[] pixels = new float[rows * inner];
        for (int i = 0; i < a.length; i++) {
          // ReLU-like: about half zero, a few −0.0 (skipped like +0.0), the rest of both signs.
          a[i] = random.nextInt(2) == 0 ? 0.0 : random.nextInt(20) == 0 ? -0.0
              : random.nextGaussian();
          pixels[i] = random.nextInt(2) == 0 ? random.nextFloat() : 0f;
        }
        double[][] w = new double[inner][cols];
        for (double[] row : w) {
          for (int j = 0; j < cols; j++) {
            row[j] = random.nextGaussian();
          }
        }
        double[] bias = new double[cols];
        for (int j = 0; j < cols; j++) {
          bias[j] = random.nextGaussian();
        }
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
          d[i] = random.nextInt(4) == 0 ? 0.0 : random.nextGaussian();
        }
        double[][] dRows = new double[rows][cols];
        Matrices.toRows(d, rows, cols, dRows);
        double[][] scratch = new double[2][Math.max(inner, cols)];
        double[] out = new double[rows * cols];
        Matrices.affine(a, rows, inner, w, bias, out, cols, scratch);
        double[][] g = new double[inner][cols];
        Matrices.transposedTimes(a, rows, inner, dRows, g, cols);
        double[] back = new double[rows * inner];
        Matrices.timesTransposed(d, rows, w, inner, back, cols, new double[cols][inner], scratch);
        double[] sparseOut = new double[rows * cols];
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
          order[r] = (r * 5 + 3) % rows;
        }
        Matrices.sparseAffine(SparseRows.of(pixels, rows, inner), order, 0, rows, w, bias,
            sparseOut, cols, scratch);
        double[][] all = {out, back, sparseOut, Arrays.stream(g).flatMapToDouble(Arrays::stream)
            .toArray()};
        for (double[] block : all) {
          hash = KernelPaths.hash(hash, block);
        }
      }
      System.out.println(Long.toHexString(hash) + " bits=" + Tiles.vectorBits());
    }
  }

  /** Rows {@code order[first .. first + count)} of {@code dense}, widened to double. */
  private static double[] gather(float[] dense, int[] order, int first, int count, int inner) {
    double[] rows = new double[count * inner];
    for (int r = 0; r < count; r++) {
      for (int k = 0; k < inner; k++) {
        rows[r * inner + k] = dense[order[first + r] * inner + k];
      }
    }
    return rows;
  }

  private float[] sparseFloats(int n) {
    float[] block = new float[n];
    for (int i = 0; i < n; i++) {
      block[i] = random.nextInt(3) == 0 ? random.nextFloat() : 0f;
    }
    return block;
  }

  private double[] dense(int n) {
    double[] block = new double[n];
    for (int i = 0; i < n; i++) {
      block[i] = random.nextGaussian();
    }
    return block;
  }

  private double[][] rows(int rows, int cols) {
    double[][] matrix = new double[rows][];
    for (int i = 0; i < rows; i++) {
      matrix[i] = dense(cols);
    }
    return matrix;
  }

  private double[] sparse(int n) {
    double[] block = dense(n);
    for (int i = 0; i < n; i += 3) {
      block[i] = 0.0;
    }
    return block;
  }

  private static double[] sentinels(int n) {
    double[] block = new double[n];
    Arrays.fill(block, SENTINEL);
    return block;
  }

  private static double[][] sentinelRows(int rows, int cols) {
    double[][] matrix = new double[rows][];
    for (int i = 0; i < rows; i++) {
      matrix[i] = sentinels(cols);
    }
    return matrix;
  }
}
