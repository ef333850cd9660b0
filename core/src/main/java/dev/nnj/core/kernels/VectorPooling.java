package dev.nnj.core.kernels;

import java.util.concurrent.ConcurrentHashMap;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max-pooling's 2 × 2 windows on Java's Vector API, one window per lane: the four values of
 * {@code lanes} windows are gathered into four vectors and compared in the order of the plain
 * loop, each comparison a mask that selects value and index lane by lane. The plain loop's
 * comparisons are branches that the data decides at random, about one in two mispredicted
 * (17 ns a window on random values, 3 ns on sorted ones); here nothing branches. The same
 * comparisons in the same order give the same maxima and the same indices, NaN included.
 */
final class VectorPooling {

  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

  /** Per plane of {@code height × width}: each 2 × 2 window's top left, in reading order. */
  private static final ConcurrentHashMap<Long, int[]> CORNERS = new ConcurrentHashMap<>();

  /** Per thread, the lanes' offsets within their windows on their way to {@code argmax}. */
  private static final ThreadLocal<double[]> OFFSETS =
      ThreadLocal.withInitial(() -> new double[DOUBLES.length()]);

  private VectorPooling() {}

  /** As {@link Pooling#maxWindows} with windows of 2 × 2. */
  static void maxWindowsOfTwo(double[] in, int from, int planeStride, int channels,
      int height, int width, double[] out, int to, int[] argmax) {
    int[] corners = CORNERS.computeIfAbsent(((long) height << 32) | width,
        key -> corners(height, width));
    int windows = corners.length;
    int lanes = DOUBLES.length();
    double[] offsets = OFFSETS.get();
    int o = to;
    for (int c = 0; c < channels; c++) {
      int plane = from + c * planeStride;
      int base = c * height * width;
      int w = 0;
      for (; w + lanes <= windows; w += lanes, o += lanes) {
        DoubleVector max = DoubleVector.fromArray(DOUBLES, in, plane, corners, w);
        DoubleVector best = DoubleVector.zero(DOUBLES); // the maximum's offset in its window
        DoubleVector v = DoubleVector.fromArray(DOUBLES, in, plane + 1, corners, w);
        VectorMask<Double> larger = v.compare(VectorOperators.GT, max);
        max = max.blend(v, larger);
        best = best.blend(1.0, larger);
        v = DoubleVector.fromArray(DOUBLES, in, plane + width, corners, w);
        larger = v.compare(VectorOperators.GT, max);
        max = max.blend(v, larger);
        best = best.blend(width, larger);
        v = DoubleVector.fromArray(DOUBLES, in, plane + width + 1, corners, w);
        larger = v.compare(VectorOperators.GT, max);
        max = max.blend(v, larger);
        best = best.blend(width + 1, larger);
        max.intoArray(out, o);
        best.intoArray(offsets, 0);
        for (int l = 0; l < lanes; l++) {
          argmax[o + l] = base + corners[w + l] + (int) offsets[l];
        }
      }
      for (; w < windows; w++, o++) { // the last windows of a plane, fewer than the lanes
        int top = corners[w];
        int at = top;
        double max = in[plane + top];
        double v = in[plane + top + 1];
        if (v > max) {
          at = top + 1;
          max = v;
        }
        v = in[plane + top + width];
        if (v > max) {
          at = top + width;
          max = v;
        }
        v = in[plane + top + width + 1];
        if (v > max) {
          at = top + width + 1;
          max = v;
        }
        out[o] = max;
        argmax[o] = base + at;
      }
    }
  }

  private static int[] corners(int height, int width) {
    int[] corners = new int[(height / 2) * (width / 2)];
    int w = 0;
    for (int oy = 0; oy < height / 2; oy++) {
      for (int ox = 0; ox < width / 2; ox++) {
        corners[w++] = 2 * oy * width + 2 * ox;
      }
    }
    return corners;
  }
}
