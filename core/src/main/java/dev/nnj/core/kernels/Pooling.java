package dev.nnj.core.kernels;

import java.util.Arrays;

/**
 * The kernels of non-overlapping max-pooling over a mini-batch: windows of {@code size × size},
 * stride {@code size}, channel by channel. The forward pass keeps, per output value, where in its
 * example the window's largest value was (the first of equal ones), and the backward pass sends
 * each gradient there. Examples are split over two threads where the batch is large enough; each
 * is independent, so the results are the same whatever the thread count.
 */
public final class Pooling {

  private Pooling() {}

  /**
   * {@code out[r][c][oy][ox] = max over the window of x[r][c]}, and its index in the example.
   *
   * @param x {@code rows × channels × height × width}
   * @param out {@code rows × channels × height/size × width/size}, overwritten
   * @param argmax as large as {@code out}: each maximum's index within its example's input
   */
  public static void maxForward(double[] x, int rows, int channels, int height, int width,
      int size, double[] out, int[] argmax) {
    if (Parallel.worthSplitting(rows, (long) rows * channels * height * width * 8)) {
      Parallel.split(rows, (part, from, to) ->
          maxForwardExamples(x, channels, height, width, size, out, argmax, from, to));
    } else {
      maxForwardExamples(x, channels, height, width, size, out, argmax, 0, rows);
    }
  }

  private static void maxForwardExamples(double[] x, int channels, int height, int width,
      int size, double[] out, int[] argmax, int from, int to) {
    if (size == 2) {
      maxForwardPairs(x, channels, height, width, out, argmax, from, to);
      return;
    }
    int outHeight = height / size;
    int outWidth = width / size;
    int inSize = channels * height * width;
    int o = from * channels * outHeight * outWidth;
    for (int r = from; r < to; r++) {
      int example = r * inSize;
      for (int c = 0; c < channels; c++) {
        int plane = c * height * width;
        for (int oy = 0; oy < outHeight; oy++) {
          int top = plane + oy * size * width;
          for (int ox = 0; ox < outWidth; ox++, o++) {
            int best = top + ox * size;
            double max = x[example + best];
            for (int dy = 0; dy < size; dy++) {
              int row = top + dy * width + ox * size;
              for (int dx = 0; dx < size; dx++) {
                double v = x[example + row + dx];
                // Selects rather than branches: which value wins is data, not a pattern.
                boolean larger = v > max;
                best = larger ? row + dx : best;
                max = larger ? v : max;
              }
            }
            out[o] = max;
            argmax[o] = best;
          }
        }
      }
    }
  }

  /**
   * The windows of 2 × 2 (chapter 6's), spelt out: the same four comparisons in the same order as
   * the general loop, so the same maxima and the same indices.
   */
  private static void maxForwardPairs(double[] x, int channels, int height, int width,
      double[] out, int[] argmax, int from, int to) {
    int outHeight = height / 2;
    int outWidth = width / 2;
    int inSize = channels * height * width;
    int o = from * channels * outHeight * outWidth;
    for (int r = from; r < to; r++) {
      int example = r * inSize;
      for (int c = 0; c < channels; c++) {
        for (int oy = 0; oy < outHeight; oy++) {
          int top = c * height * width + 2 * oy * width;
          for (int ox = 0; ox < outWidth; ox++, o++) {
            int i = top + 2 * ox;
            int best = i;
            double max = x[example + i];
            double v = x[example + i + 1];
            boolean larger = v > max;
            best = larger ? i + 1 : best;
            max = larger ? v : max;
            v = x[example + i + width];
            larger = v > max;
            best = larger ? i + width : best;
            max = larger ? v : max;
            v = x[example + i + width + 1];
            larger = v > max;
            best = larger ? i + width + 1 : best;
            max = larger ? v : max;
            out[o] = max;
            argmax[o] = best;
          }
        }
      }
    }
  }

  /**
   * {@code ∂C/∂x}: each output's gradient at its window's maximum, zero elsewhere.
   *
   * @param outputGradient {@code rows × outSize}
   * @param argmax as {@link #maxForward} left it for the same batch
   * @param inputGradient {@code rows × inSize}, overwritten
   */
  public static void maxBackward(double[] outputGradient, int[] argmax, int rows, int inSize,
      int outSize, double[] inputGradient) {
    Arrays.fill(inputGradient, 0, rows * inSize, 0.0);
    for (int r = 0; r < rows; r++) {
      int example = r * inSize;
      for (int o = r * outSize, end = o + outSize; o < end; o++) {
        inputGradient[example + argmax[o]] += outputGradient[o];
      }
    }
  }
}
