package dev.nnj.core.kernels;

import java.util.Arrays;

/**
 * The kernels of a valid 2-D convolution of stride 1 over a mini-batch: im2col onto the
 * register-tiled product of {@link Tiles}.
 *
 * <p>With {@code p = (channel, dy, dx)} a patch value and {@code j = (oy, ox)} an output position,
 * an example's columns are {@code x[channel][oy + dy][ox + dx]} at {@code (p, j)}, and
 *
 * <pre>{@code
 * forward          z[f][j]   = b[f] + Σ_p w[p][f] · x[p, j]              (K = patch)
 * weight gradient  ∂C/∂w[p][f] = Σ_examples Σ_j x[p, j] · Δ[f][j]         (BP4; K = rows · positions)
 * input gradient   ∂C/∂x[p, j] += Σ_f w[p][f] · Δ[f][j], added back where x[p, j] came from (col2im)
 * }</pre>
 *
 * Each product packs its operands into {@link Tiles}' panels straight from the images, the
 * weights and the errors, so the columns are never stored whole. (Panel indices are computed
 * with shifts: {@code Tiles.ROWS = 4 = 1 << 2}, {@code Tiles.COLUMNS = 8 = 1 << 3}.)
 * Examples are laid out as the layer's output is, filter by filter: {@code z[r][f][j]}. The
 * forward pass and the input gradient split the batch's examples over two threads, the weight
 * gradient its rows; every sum is one chain of fused multiply-adds in one order, so the results
 * are bit-identical whatever the thread count and with or without the Vector API.
 */
public final class Convolutions {

  private Convolutions() {}

  /**
   * The sizes of one convolution: {@code channels × height × width} inputs, {@code filters}
   * kernels of {@code kernel × kernel}.
   */
  public record Geometry(int channels, int height, int width, int kernel, int filters) {

    /** Rows of outputs per filter. */
    public int outHeight() {
      return height - kernel + 1;
    }

    /** Columns of outputs per filter. */
    public int outWidth() {
      return width - kernel + 1;
    }

    /** Output positions per filter: {@code outHeight · outWidth}. */
    public int positions() {
      return outHeight() * outWidth();
    }

    /** Values per patch: {@code channels · kernel²}. */
    public int patch() {
      return channels * kernel * kernel;
    }

    /** Input values per example. */
    public int inputSize() {
      return channels * height * width;
    }

    /** Output values per example: {@code filters · positions}. */
    public int outputSize() {
      return filters * positions();
    }

    /** The multiply-adds of one product over one example. */
    long work() {
      return (long) filters * patch() * positions();
    }
  }

  /**
   * The packed panels and products of one convolution, for mini-batches of up to
   * {@code capacity} examples; the backward part is made on its first use.
   */
  public static final class Workspace {
    private final Geometry g;
    private final int filterTiles;
    private final int positionTiles;
    private final int patchTiles;
    /** Forward: the weights as panels of filters, and the biases padded to them. */
    private final double[] weightsByFilter;
    private final double[] bias;
    /** Per thread: an example's columns as panels of positions, and its product. */
    private final double[][] columns;
    private final double[][] product;
    /** Backward: the weights as panels of patch values (input gradient). */
    private double[] weightsByPatch;
    /** Per thread: an example's errors as panels of positions (input gradient). */
    private double[][] errors;
    /** Per thread: the next example's errors, for two scatter-adds at once. */
    private double[][] nextErrors;
    /**
     * Where each row of eight sums of the input gradient's product goes in an example's input,
     * when every panel of eight positions lies in one row of the output; else null.
     */
    private int[] scatter;
    /** Per thread: an example's columns as panels of patch values, its errors as panels of filters (BP4). */
    private double[][] exampleColumns;
    private double[][] exampleErrors;
    private double[] weightGradient;
    /** BP3's running sums, one per filter lane of the error panels. */
    private double[] biasSums;

    public Workspace(Geometry g, int capacity) {
      this.g = g;
      this.filterTiles = tiles(g.filters(), Tiles.ROWS);
      this.positionTiles = tiles(g.positions(), Tiles.COLUMNS);
      this.patchTiles = tiles(g.patch(), Tiles.ROWS);
      this.weightsByFilter = new double[filterTiles * Tiles.ROWS * g.patch()];
      this.bias = new double[filterTiles * Tiles.ROWS];
      this.columns = new double[2][positionTiles * Tiles.COLUMNS * g.patch()];
      this.product = new double[2][filterTiles * Tiles.ROWS * positionTiles * Tiles.COLUMNS];
    }

    private void backwardParts() {
      if (weightsByPatch != null) {
        return;
      }
      int filterColumns = tiles(g.filters(), Tiles.COLUMNS);
      weightsByPatch = new double[patchTiles * Tiles.ROWS * g.filters()];
      errors = new double[2][positionTiles * Tiles.COLUMNS * g.filters()];
      nextErrors = new double[2][positionTiles * Tiles.COLUMNS * g.filters()];
      exampleColumns = new double[2][patchTiles * Tiles.ROWS * g.positions()];
      exampleErrors = new double[2][filterColumns * Tiles.COLUMNS * g.positions()];
      weightGradient = new double[patchTiles * Tiles.ROWS * filterColumns * Tiles.COLUMNS];
      biasSums = new double[filterColumns * Tiles.COLUMNS];
      if (g.outWidth() % Tiles.COLUMNS == 0) {
        scatter = new int[patchTiles * Tiles.ROWS * positionTiles];
        java.util.Arrays.fill(scatter, -1);
        int p = 0;
        for (int c = 0; c < g.channels(); c++) {
          for (int dy = 0; dy < g.kernel(); dy++) {
            for (int dx = 0; dx < g.kernel(); dx++, p++) {
              for (int jt = 0; jt < positionTiles; jt++) {
                int oy = jt * Tiles.COLUMNS / g.outWidth();
                int ox = jt * Tiles.COLUMNS % g.outWidth();
                scatter[p * positionTiles + jt] =
                    (c * g.height() + oy + dy) * g.width() + ox + dx;
              }
            }
          }
        }
      } else {
        int inputProduct = patchTiles * Tiles.ROWS * positionTiles * Tiles.COLUMNS;
        if (product[0].length < inputProduct) {
          product[0] = new double[inputProduct];
          product[1] = new double[inputProduct];
        }
      }
    }
  }

  private static int tiles(int n, int size) {
    return (n + size - 1) / size;
  }

  /**
   * {@code z = w ⊛ x + b} for the {@code rows} examples of {@code x}.
   *
   * @param x {@code rows × inputSize}
   * @param weights {@code patch} rows of {@code filters}
   * @param z {@code rows × outputSize}, overwritten
   */
  public static void forward(Workspace ws, double[] x, int rows, double[][] weights,
      double[] bias, double[] z) {
    forwardPooled(ws, x, rows, weights, bias, 1, z, null);
  }

  /**
   * {@code z = max over each pool × pool window of (w ⊛ x + b)} for the {@code rows} examples
   * of {@code x}, pooled from each example's product while it is in the cache, so the
   * convolution's whole output is never stored (with a pool of 1, {@link #forward}).
   *
   * @param z {@code rows × filters × outHeight/pool × outWidth/pool}, overwritten
   * @param argmax as large as {@code z}: each maximum's index in its example's convolution
   *     output, {@code (f · outHeight + y) · outWidth + x} (see {@link Pooling#maxForward}); null
   *     with a pool of 1
   */
  public static void forwardPooled(Workspace ws, double[] x, int rows, double[][] weights,
      double[] bias, int pool, double[] z, int[] argmax) {
    Geometry g = ws.g; // the padding lanes of the weights and biases are never written: zero
    for (int p = 0; p < g.patch(); p++) {
      for (int f = 0; f < g.filters(); f++) {
        ws.weightsByFilter[(((f >> 2) * g.patch() + p) << 2) + (f & 3)] = weights[p][f];
      }
    }
    System.arraycopy(bias, 0, ws.bias, 0, g.filters());
    if (Parallel.worthSplitting(rows, rows * g.work())) {
      Parallel.split(rows, (part, from, to) ->
          forwardExamples(ws, x, pool, z, argmax, part, from, to));
    } else {
      forwardExamples(ws, x, pool, z, argmax, 0, 0, rows);
    }
  }

  private static void forwardExamples(Workspace ws, double[] x, int pool, double[] z,
      int[] argmax, int part, int from, int to) {
    Geometry g = ws.g;
    double[] columns = ws.columns[part];
    double[] product = ws.product[part];
    int positions = g.positions();
    int width = ws.positionTiles * Tiles.COLUMNS;
    for (int r = from; r < to; r++) {
      packColumns(g, x, r * g.inputSize(), columns);
      Tiles.multiply(0, ws.filterTiles, ws.positionTiles, g.patch(), ws.weightsByFilter, columns,
          ws.bias, product);
      if (pool > 1) {
        Pooling.maxWindows(product, 0, width, g.filters(), g.outHeight(), g.outWidth(), pool, z,
            r * (g.outputSize() / (pool * pool)), argmax);
        continue;
      }
      for (int f = 0; f < g.filters(); f++) {
        System.arraycopy(product, f * width, z, (r * g.filters() + f) * positions, positions);
      }
    }
  }

  /**
   * One example's columns as panels of positions: {@code x[p, j]} at
   * {@code ((j / 8) · patch + p) · 8 + j % 8}, the positions past the last zero.
   */
  private static void packColumns(Geometry g, double[] x, int offset, double[] into) {
    int k = g.kernel();
    int patch = g.patch();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    if (outWidth % Tiles.COLUMNS == 0) {
      // Each panel's eight positions are eight neighbours in one row: written in order.
      int to = 0;
      for (int oy = 0; oy < outHeight; oy++) {
        for (int ox = 0; ox < outWidth; ox += Tiles.COLUMNS) {
          for (int c = 0; c < g.channels(); c++) {
            int plane = offset + c * g.height() * g.width() + oy * g.width() + ox;
            for (int dy = 0; dy < k; dy++) {
              for (int dx = 0; dx < k; dx++, to += Tiles.COLUMNS) {
                int from = plane + dy * g.width() + dx;
                for (int l = 0; l < Tiles.COLUMNS; l++) {
                  into[to + l] = x[from + l];
                }
              }
            }
          }
        }
      }
      return;
    }
    int p = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = offset + c * g.height() * g.width();
      for (int dy = 0; dy < k; dy++) {
        for (int dx = 0; dx < k; dx++, p++) {
          int j = 0;
          for (int oy = 0; oy < outHeight; oy++) {
            int in = plane + (oy + dy) * g.width() + dx;
            for (int ox = 0; ox < outWidth; ox++, j++) {
              into[(((j >> 3) * patch + p) << 3) + (j & 7)] = x[in + ox];
            }
          }
          for (; (j & 7) != 0; j++) {
            into[(((j >> 3) * patch + p) << 3) + (j & 7)] = 0.0;
          }
        }
      }
    }
  }

  /**
   * BP4 of the convolution: {@code gradient[p][f] = Σ_r Σ_j x_r[p, j] · Δ[r][f][j]}, over examples
   * and then positions in order: one chain of {@code fma} per entry, taken example by example
   * ({@link Tiles#multiplyOnto}) so that each example's panels stay in the cache.
   *
   * @param x the batch's inputs, {@code rows × inputSize}, as {@link #forward} saw them
   * @param delta {@code rows × outputSize}, in the output's layout
   * @param gradient {@code patch} rows of {@code filters}, overwritten
   */
  public static void weightGradient(Workspace ws, double[] x, double[] delta, int rows,
      double[][] gradient) {
    gradients(ws, x, delta, null, 1, rows, gradient, null);
  }

  /**
   * BP3 and BP4 in one pass over the errors: {@code ∂C/∂b[f] = Σ_r Σ_j Δ[r][f][j]} and
   * {@link #weightGradient}'s {@code ∂C/∂w}, each a chain in the order of examples, then
   * positions. With a pool, {@code Δ} is given for the pooled outputs, one per window, and is
   * {@code 0 + Δ} at the window's maximum and zero elsewhere (the gradient of max-pooling): the
   * error panels are made from it directly, and the whole {@code Δ} is never written.
   *
   * @param delta {@code rows × filters × positions / pool²}: the errors of the (pooled) outputs
   * @param argmax with a pool, where each window's maximum was (as {@link #forwardPooled} left
   *     it); null with a pool of 1
   * @param biasGradient {@code filters} sums, overwritten; null for BP4 alone
   */
  public static void gradients(Workspace ws, double[] x, double[] delta, int[] argmax, int pool,
      int rows, double[][] gradient, double[] biasGradient) {
    ws.backwardParts();
    Geometry g = ws.g;
    boolean bias = biasGradient != null;
    if (Parallel.worthSplitting(ws.patchTiles, rows * g.work())) {
      Parallel.split(ws.patchTiles, (part, from, to) ->
          weightGradientRows(ws, x, delta, argmax, pool, rows, bias && part == 0, part, from,
              to));
    } else {
      weightGradientRows(ws, x, delta, argmax, pool, rows, bias, 0, 0, ws.patchTiles);
    }
    int width = tiles(g.filters(), Tiles.COLUMNS) * Tiles.COLUMNS;
    for (int p = 0; p < g.patch(); p++) {
      System.arraycopy(ws.weightGradient, p * width, gradient[p], 0, g.filters());
    }
    if (bias) {
      System.arraycopy(ws.biasSums, 0, biasGradient, 0, g.filters());
    }
  }

  /**
   * BP3 over one example's error panels: each filter's sum goes on over the positions in order,
   * from zero at the first example. The padding lanes add zeros to sums nobody reads.
   */
  private static void biasSums(double[] b, int filterTiles, int positions, boolean first,
      double[] sums) {
    if (first) {
      Arrays.fill(sums, 0.0);
    }
    for (int ft = 0, at = 0; ft < filterTiles; ft++) {
      int lane = ft * Tiles.COLUMNS;
      double s0 = sums[lane];
      double s1 = sums[lane + 1];
      double s2 = sums[lane + 2];
      double s3 = sums[lane + 3];
      double s4 = sums[lane + 4];
      double s5 = sums[lane + 5];
      double s6 = sums[lane + 6];
      double s7 = sums[lane + 7];
      for (int j = 0; j < positions; j++, at += Tiles.COLUMNS) {
        s0 += b[at];
        s1 += b[at + 1];
        s2 += b[at + 2];
        s3 += b[at + 3];
        s4 += b[at + 4];
        s5 += b[at + 5];
        s6 += b[at + 6];
        s7 += b[at + 7];
      }
      sums[lane] = s0;
      sums[lane + 1] = s1;
      sums[lane + 2] = s2;
      sums[lane + 3] = s3;
      sums[lane + 4] = s4;
      sums[lane + 5] = s5;
      sums[lane + 6] = s6;
      sums[lane + 7] = s7;
    }
  }

  /** Where patch value {@code p = (channel, dy, dx)} of position (0, 0) is in an example. */
  private static int patchOffset(Geometry g, int p) {
    int k = g.kernel();
    return (p / (k * k) * g.height() + p / k % k) * g.width() + p % k;
  }

  /** The rows of the patch-value panels {@code [from, to)} of {@link #weightGradient}. */
  private static void weightGradientRows(Workspace ws, double[] x, double[] delta, int[] argmax,
      int pool, int rows, boolean bias, int part, int from, int to) {
    Geometry g = ws.g;
    int positions = g.positions();
    int patch = g.patch();
    int filters = g.filters();
    int filterTiles = tiles(filters, Tiles.COLUMNS);
    int outWidth = g.outWidth();
    double[] a = ws.exampleColumns[part];
    double[] b = ws.exampleErrors[part];
    for (int r = 0; r < rows; r++) {
      // a[k = j][p]: the example's columns, in panels of four patch values, written a panel's
      // row of four at a time (one store of 32 bytes rather than four passes of strided ones).
      for (int t = from; t < to; t++) {
        int at = t * positions * Tiles.ROWS;
        int p = t * Tiles.ROWS;
        if (p + Tiles.ROWS > patch) { // the last panel, partly padding: zero there
          for (int l = 0; l < Tiles.ROWS; l++, p++) {
            for (int j = 0, in = at + l; j < positions; j++, in += Tiles.ROWS) {
              a[in] = p < patch ? x[r * g.inputSize() + patchOffset(g, p) + j / outWidth
                  * g.width() + j % outWidth] : 0.0;
            }
          }
          continue;
        }
        int o0 = patchOffset(g, p);
        int o1 = patchOffset(g, p + 1);
        int o2 = patchOffset(g, p + 2);
        int o3 = patchOffset(g, p + 3);
        for (int oy = 0; oy < g.outHeight(); oy++) {
          int in = r * g.inputSize() + oy * g.width();
          for (int ox = 0; ox < outWidth; ox++, in++, at += Tiles.ROWS) {
            a[at] = x[in + o0];
            a[at + 1] = x[in + o1];
            a[at + 2] = x[in + o2];
            a[at + 3] = x[in + o3];
          }
        }
      }
      // b[k = j][f]: the example's errors, in panels of eight filters; padding lanes zero.
      if (argmax == null) {
        // Written eight filters of one position at a time, a cache line, from eight rows read in order.
        for (int ft = 0, at = 0; ft < filterTiles; ft++) {
          int lanes = Math.min(Tiles.COLUMNS, filters - ft * Tiles.COLUMNS);
          int first = (r * filters + ft * Tiles.COLUMNS) * positions;
          for (int j = 0; j < positions; j++, at += Tiles.COLUMNS) {
            for (int l = 0; l < lanes; l++) {
              b[at + l] = delta[first + l * positions + j];
            }
            for (int l = lanes; l < Tiles.COLUMNS; l++) {
              b[at + l] = 0.0;
            }
          }
        }
      } else {
        // Zeros, then each window's error at its maximum.
        Arrays.fill(b, 0, filterTiles * positions * Tiles.COLUMNS, 0.0);
        int windows = positions / (pool * pool);
        for (int f = 0, o = r * filters * windows; f < filters; f++) {
          int panel = (f >> 3) * positions * Tiles.COLUMNS + (f & 7) - (f * positions << 3);
          for (int end = o + windows; o < end; o++) {
            b[panel + (argmax[o] << 3)] = 0.0 + delta[o]; // as 0 + Δ: -0 is +0
          }
        }
      }
      if (bias) {
        biasSums(b, filterTiles, positions, r == 0, ws.biasSums);
      }
      if (r == 0) {
        Tiles.multiply(from, to, filterTiles, positions, a, b, null, ws.weightGradient);
      } else {
        Tiles.multiplyOnto(from, to, filterTiles, positions, a, b, ws.weightGradient);
      }
    }
  }

  /**
   * The gradient with respect to the input: {@code Σ_f w[p][f] · Δ[f][j]} added back onto the input
   * value that {@code x[p, j]} is (col2im). Where every panel of eight positions lies in one output
   * row, each row of eight sums is added straight onto its eight inputs as it is made
   * ({@link Tiles#multiplyAdding}); otherwise the example's whole product is made first and then
   * added, patch value by patch value. The two orders of addition differ, so their last bits may;
   * which one runs depends on the shape only.
   *
   * @param weights {@code patch} rows of {@code filters}
   * @param delta {@code rows × outputSize}, in the output's layout
   * @param into {@code rows × inputSize}, overwritten
   */
  public static void inputGradient(Workspace ws, double[][] weights, double[] delta, int rows,
      double[] into) {
    inputGradient(ws, weights, delta, null, 1, rows, into);
  }

  /**
   * {@link #inputGradient} from the errors of pooled outputs, as {@link #gradients} takes them:
   * {@code 0 + Δ} at each window's maximum, zero elsewhere.
   *
   * @param delta {@code rows × filters × positions / pool²}
   * @param argmax where each window's maximum was; null with a pool of 1
   */
  public static void inputGradient(Workspace ws, double[][] weights, double[] delta,
      int[] argmax, int pool, int rows, double[] into) {
    ws.backwardParts();
    Geometry g = ws.g;
    double[] a = ws.weightsByPatch; // its padding lanes are never written: zero
    for (int p = 0; p < g.patch(); p++) {
      for (int f = 0; f < g.filters(); f++) {
        a[(((p >> 2) * g.filters() + f) << 2) + (p & 3)] = weights[p][f];
      }
    }
    if (Parallel.worthSplitting(rows, rows * g.work())) {
      Parallel.split(rows, (part, from, to) ->
          inputGradientExamples(ws, delta, argmax, pool, into, part, from, to));
    } else {
      inputGradientExamples(ws, delta, argmax, pool, into, 0, 0, rows);
    }
  }

  private static void inputGradientExamples(Workspace ws, double[] delta, int[] argmax,
      int pool, double[] into, int part, int from, int to) {
    Geometry g = ws.g;
    int filters = g.filters();
    double[] b = ws.errors[part];
    for (int r = from; r < to; r++) {
      packErrors(ws, delta, argmax, pool, r, b);
      int example = r * g.inputSize();
      Arrays.fill(into, example, example + g.inputSize(), 0.0);
      if (ws.scatter != null && r + 1 < to) { // two examples at once, each in its own order
        double[] next = ws.nextErrors[part];
        packErrors(ws, delta, argmax, pool, r + 1, next);
        int nextExample = example + g.inputSize();
        Arrays.fill(into, nextExample, nextExample + g.inputSize(), 0.0);
        Tiles.multiplyAddingTwo(0, ws.patchTiles, ws.positionTiles, filters, ws.weightsByPatch,
            b, next, ws.scatter, into, example, nextExample);
        r++;
      } else if (ws.scatter != null) {
        Tiles.multiplyAdding(0, ws.patchTiles, ws.positionTiles, filters, ws.weightsByPatch, b,
            ws.scatter, into, example);
      } else {
        double[] product = ws.product[part];
        Tiles.multiply(0, ws.patchTiles, ws.positionTiles, filters, ws.weightsByPatch, b, null,
            product);
        addBack(g, product, ws.positionTiles * Tiles.COLUMNS, into, example);
      }
    }
  }

  /** b[k = f][j]: example r's errors, in panels of eight positions; padding lanes zero. */
  private static void packErrors(Workspace ws, double[] delta, int[] argmax, int pool, int r,
      double[] b) {
    int positions = ws.g.positions();
    int filters = ws.g.filters();
    int width = ws.positionTiles * Tiles.COLUMNS;
    if (argmax == null) {
      for (int f = 0; f < filters; f++) {
        int at = (r * filters + f) * positions;
        for (int j = 0; j < width; j++) {
          b[(((j >> 3) * filters + f) << 3) + (j & 7)] = j < positions ? delta[at + j] : 0.0;
        }
      }
      return;
    }
    Arrays.fill(b, 0, width * filters, 0.0); // zeros, then each window's error at its maximum
    int windows = positions / (pool * pool);
    for (int f = 0, o = r * filters * windows; f < filters; f++) {
      for (int end = o + windows; o < end; o++) {
        int j = argmax[o] - f * positions;
        b[(((j >> 3) * filters + f) << 3) + (j & 7)] = 0.0 + delta[o]; // -0 is +0
      }
    }
  }

  /** col2im: adds row {@code p} of {@code product} onto the inputs that patch value p was. */
  private static void addBack(Geometry g, double[] product, int width, double[] into,
      int example) {
    int kernel = g.kernel();
    int outWidth = g.outWidth();
    int p = 0;
    for (int c = 0; c < g.channels(); c++) {
      int plane = example + c * g.height() * g.width();
      for (int dy = 0; dy < kernel; dy++) {
        for (int dx = 0; dx < kernel; dx++, p++) {
          int row = p * width;
          for (int oy = 0; oy < g.outHeight(); oy++) {
            int in = plane + (oy + dy) * g.width() + dx;
            int j = row + oy * outWidth;
            for (int ox = 0; ox < outWidth; ox++) {
              into[in + ox] += product[j + ox];
            }
          }
        }
      }
    }
  }
}
