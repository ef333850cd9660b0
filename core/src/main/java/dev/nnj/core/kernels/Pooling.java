package dev.nnj.core.kernels;

/**
 * The kernels of non-overlapping max-pooling over a mini-batch: windows of {@code size × size},
 * stride {@code size}, channel by channel. The forward pass keeps, per output value, where in its
 * example the window's largest value was (the first of equal ones, in reading order), and the
 * backward pass sends each gradient there. Examples are split over two threads where the batch is
 * large enough; each is independent, so the results are the same whatever the thread count.
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
    int inSize = channels * height * width;
    int outSize = inSize / (size * size);
    if (Parallel.worthSplitting(rows, (long) rows * inSize * 8)) {
      Parallel.split(rows, (part, from, to) -> {
        for (int r = from; r < to; r++) {
          maxWindows(x, r * inSize, height * width, channels, height, width, size, out,
              r * outSize, argmax);
        }
      });
    } else {
      for (int r = 0; r < rows; r++) {
        maxWindows(x, r * inSize, height * width, channels, height, width, size, out,
            r * outSize, argmax);
      }
    }
  }

  /**
   * One example's windows: channel {@code c}'s plane of {@code height × width} values, row by row,
   * starts at {@code in[from + c · planeStride]} (a stride larger than the plane skips padding,
   * as in a product's rows). Writes the maxima to {@code out} from {@code to} on and their indices
   * in the unpadded layout, {@code (c · height + y) · width + x}, to {@code argmax}.
   */
  static void maxWindows(double[] in, int from, int planeStride, int channels, int height,
      int width, int size, double[] out, int to, int[] argmax) {
    if (size == 2 && Tiles.vectorApi()) {
      VectorPooling.maxWindowsOfTwo(in, from, planeStride, channels, height, width, out, to,
          argmax);
      return;
    }
    if (size == 2) {
      maxWindowsOfTwo(in, from, planeStride, channels, height, width, out, to, argmax);
      return;
    }
    int o = to;
    for (int c = 0; c < channels; c++) {
      int plane = from + c * planeStride;
      for (int oy = 0; oy < height / size; oy++) {
        for (int ox = 0; ox < width / size; ox++, o++) {
          int top = oy * size * width + ox * size;
          int best = top;
          double max = in[plane + top];
          for (int dy = 0; dy < size; dy++) {
            for (int dx = 0; dx < size; dx++) {
              int at = top + dy * width + dx;
              double v = in[plane + at];
              // Selects rather than branches: which value wins is data, not a pattern.
              boolean larger = v > max;
              best = larger ? at : best;
              max = larger ? v : max;
            }
          }
          out[o] = max;
          argmax[o] = c * height * width + best;
        }
      }
    }
  }

  /**
   * The windows of 2 × 2 (chapter 6's), spelt out: the same comparisons in the same order as the
   * general loop, so the same maxima and the same indices.
   */
  static void maxWindowsOfTwo(double[] in, int from, int planeStride, int channels,
      int height, int width, double[] out, int to, int[] argmax) {
    int o = to;
    for (int c = 0; c < channels; c++) {
      int plane = from + c * planeStride;
      int base = c * height * width;
      for (int oy = 0; oy < height / 2; oy++) {
        for (int ox = 0; ox < width / 2; ox++, o++) {
          int top = 2 * oy * width + 2 * ox;
          int best = top;
          double max = in[plane + top];
          double v = in[plane + top + 1];
          boolean larger = v > max;
          best = larger ? top + 1 : best;
          max = larger ? v : max;
          v = in[plane + top + width];
          larger = v > max;
          best = larger ? top + width : best;
          max = larger ? v : max;
          v = in[plane + top + width + 1];
          larger = v > max;
          best = larger ? top + width + 1 : best;
          max = larger ? v : max;
          out[o] = max;
          argmax[o] = base + best;
        }
      }
    }
  }

  /**
   * {@code ∂C/∂x}: each output's gradient at its window's maximum, zero elsewhere. The windows
   * cover the input, so each is written whole, window by window: no pass of zeros first.
   *
   * @param outputGradient {@code rows × channels × height/size × width/size}
   * @param argmax as {@link #maxForward} left it for the same batch
   * @param inputGradient {@code rows × channels × height × width}, overwritten
   */
  public static void maxBackward(double[] outputGradient, int[] argmax, int rows, int channels,
      int height, int width, int size, double[] inputGradient) {
    long work = (long) rows * channels * height * width * 8; // measured as the forward pass is
    if (Parallel.worthSplitting(rows, work)) {
      Parallel.split(rows, (part, from, to) -> maxBackwardExamples(outputGradient, argmax,
          channels, height, width, size, inputGradient, from, to));
    } else {
      maxBackwardExamples(outputGradient, argmax, channels, height, width, size, inputGradient,
          0, rows);
    }
  }

  private static void maxBackwardExamples(double[] outputGradient, int[] argmax, int channels,
      int height, int width, int size, double[] inputGradient, int from, int to) {
    int inSize = channels * height * width;
    int o = from * inSize / (size * size);
    for (int r = from; r < to; r++) {
      int example = r * inSize;
      for (int c = 0; c < channels; c++) {
        for (int oy = 0; oy < height / size; oy++) {
          for (int ox = 0; ox < width / size; ox++, o++) {
            int top = example + (c * height + oy * size) * width + ox * size;
            for (int dy = 0; dy < size; dy++) {
              for (int dx = 0; dx < size; dx++) {
                inputGradient[top + dy * width + dx] = 0.0;
              }
            }
            inputGradient[example + argmax[o]] = 0.0 + outputGradient[o]; // as 0 + g: -0 is +0
          }
        }
      }
    }
  }
}
