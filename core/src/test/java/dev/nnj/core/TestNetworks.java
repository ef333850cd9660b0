package dev.nnj.core;

import dev.nnj.datasets.Examples;
import java.util.Random;

/** Small generated data for core's tests: no files, no internet. */
final class TestNetworks {

  private TestNetworks() {}

  /**
   * {@code n} examples of {@code features} values in [0, 1), about a third of them zero as in MNIST,
   * labelled by which of the first {@code classes} features is largest: learnable, not trivial.
   */
  static Examples separable(int n, int features, int classes, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * features];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < features; k++) {
        x[i * features + k] = random.nextInt(3) == 0 ? 0f : random.nextFloat();
      }
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (x[i * features + c] > x[i * features + best]) {
          best = c;
        }
      }
      labels[i] = best;
    }
    return new Examples(x, features, labels, classes);
  }
}
