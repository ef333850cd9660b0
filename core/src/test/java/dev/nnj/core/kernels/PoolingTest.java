package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Max-pooling keeps each window's largest value and, of equal ones, the first in reading order —
 * for the spelt-out windows of 2 × 2 as for the general loop.
 */
class PoolingTest {

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
