package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Max-pooling keeps each window's largest value and, of equal ones, the first in reading order —
 * for the spelt-out windows of 2 × 2 as for the general loop, and on the Vector API.
 */
class PoolingTest {

  /**
   * The Vector API's windows of 2 × 2 give the plain loop's maxima and indices, on values with
   * ties, zeros of both signs and NaN, over planes whose windows fill the lanes and planes whose
   * last windows do not (9 and 12 windows), with a plane stride larger than the plane.
   */
  @Test
  void windowsOfTwo_onTheVectorApi_areThePlainLoops() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
        "the test JVM runs without jdk.incubator.vector");
    double[] values = {-1.0, 0.0, -0.0, 1.0, 1.0, Double.NaN, 2.0, -2.0};
    Random random = new Random(7);
    for (int[] plane : new int[][] {{6, 6}, {6, 8}, {24, 24}}) {
      int height = plane[0];
      int width = plane[1];
      int channels = 3;
      int stride = height * width + 5;
      double[] in = new double[2 + channels * stride];
      for (int i = 0; i < in.length; i++) {
        in[i] = values[random.nextInt(values.length)];
      }
      int windows = channels * (height / 2) * (width / 2);
      double[] loops = new double[windows + 1];
      int[] loopsAt = new int[windows + 1];
      double[] vector = new double[windows + 1];
      int[] vectorAt = new int[windows + 1];
      Pooling.maxWindowsOfTwo(in, 2, stride, channels, height, width, loops, 1, loopsAt);
      VectorPooling.maxWindowsOfTwo(in, 2, stride, channels, height, width, vector, 1, vectorAt);
      assertThat(vectorAt).as("%d x %d: indices", height, width).isEqualTo(loopsAt);
      for (int o = 0; o < loops.length; o++) {
        assertThat(Double.doubleToRawLongBits(vector[o])).as("%d x %d: window %d", height, width, o)
            .isEqualTo(Double.doubleToRawLongBits(loops[o]));
      }
    }
  }

  @Test
  void windowsOfTwo_areTheDefinitionWithTiesToTheFirst() {
    assertPoolsAsDefined(2, 3, 6, 8, 5);
  }

  @Test
  void windowsOfThree_areTheDefinitionWithTiesToTheFirst() {
    assertPoolsAsDefined(3, 2, 6, 9, 4);
  }

  private static void assertPoolsAsDefined(int size, int channels, int height, int width,
      int rows) {
    Random random = new Random(size);
    double[] x = new double[rows * channels * height * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextInt(3) - 1; // many ties
    }
    int outHeight = height / size;
    int outWidth = width / size;
    double[] out = new double[rows * channels * outHeight * outWidth];
    int[] argmax = new int[out.length];
    Pooling.maxForward(x, rows, channels, height, width, size, out, argmax);

    int o = 0;
    for (int r = 0; r < rows; r++) {
      int example = r * channels * height * width;
      for (int c = 0; c < channels; c++) {
        for (int oy = 0; oy < outHeight; oy++) {
          for (int ox = 0; ox < outWidth; ox++, o++) {
            int best = -1;
            for (int dy = 0; dy < size; dy++) {
              for (int dx = 0; dx < size; dx++) {
                int at = (c * height + oy * size + dy) * width + ox * size + dx;
                if (best < 0 || x[example + at] > x[example + best]) {
                  best = at;
                }
              }
            }
            assertThat(argmax[o]).as("window %d", o).isEqualTo(best);
            assertThat(out[o]).as("window %d", o).isEqualTo(x[example + best]);
          }
        }
      }
    }
  }
}
