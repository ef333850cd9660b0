package dev.nnj.benchmarks;

import java.util.SplittableRandom;

/**
 * Seeded stand-ins for MNIST and for a network's parameters, so the benchmarks need no files and
 * no internet. Only what the kernels' speed depends on is imitated: the shapes, and for inputs the
 * share of non-zero pixels, which decides how much work the sparse kernels skip.
 */
final class GeneratedData {

  /** Pixels per MNIST image, 28 × 28. */
  static final int PIXELS = 784;

  /** Digits 0 to 9. */
  static final int CLASSES = 10;

  /** The share of MNIST's training pixels that are not zero: about 19 %. */
  static final double NON_ZERO_SHARE = 0.19;

  private GeneratedData() {}

  /**
   * {@code rows} images of {@link #PIXELS} values, row-major: each pixel is non-zero with
   * probability {@link #NON_ZERO_SHARE}, and then uniform in (0, 1].
   */
  static float[] mnistLikeImages(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] images = new float[rows * PIXELS];
    for (int p = 0; p < images.length; p++) {
      if (random.nextDouble() < NON_ZERO_SHARE) {
        images[p] = (float) (1.0 - random.nextDouble());
      }
    }
    return images;
  }

  /** {@code rows} labels uniform in {@code [0, CLASSES)}. */
  static int[] labels(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextInt(CLASSES);
    }
    return labels;
  }

  /** One-hot rows for {@code labels}, {@code labels.length × CLASSES}. */
  static double[] oneHot(int[] labels) {
    double[] y = new double[labels.length * CLASSES];
    for (int i = 0; i < labels.length; i++) {
      y[i * CLASSES + labels[i]] = 1.0;
    }
    return y;
  }

  /** {@code length} draws from N(0, 1), the book's initialisation. */
  static double[] gaussian(int length, SplittableRandom random) {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = standardNormal(random);
    }
    return values;
  }

  /** Weights stored as the kernels read them: {@code inputs} rows of {@code outputs}, N(0, 1). */
  static double[][] weights(int inputs, int outputs, SplittableRandom random) {
    double[][] w = new double[inputs][];
    for (int k = 0; k < inputs; k++) {
      w[k] = gaussian(outputs, random);
    }
    return w;
  }

  /** {@code length} values uniform in (0, 1): what a sigmoid layer's activations look like. */
  static double[] sigmoidLike(int length, SplittableRandom random) {
    double[] values = new double[length];
    for (int i = 0; i < length; i++) {
      values[i] = 1.0 - random.nextDouble();
    }
    return values;
  }

  /** Box–Muller; {@link SplittableRandom} has no Gaussian of its own in Java 17. */
  private static double standardNormal(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
