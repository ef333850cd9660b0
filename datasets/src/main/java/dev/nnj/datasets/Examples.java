package dev.nnj.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled examples stored as one row-major {@code float[]}: row {@code i} holds the
 * {@code featureCount} features of example {@code i}, and {@code labels[i]} its class in
 * {@code [0, classCount)}.
 *
 * <p>There is no object per example: a trainer gathers a shuffled mini-batch by calling
 * {@link #copyFeatures} for each chosen index. Instances are immutable as long as nobody writes to
 * the arrays given to the constructor or returned by {@link #features()} and {@link #labels()},
 * which are shared, not copied, because a dataset such as MNIST holds 47 million features.
 */
public final class Examples {
  private final float[] features;
  private final int featureCount;
  private final int[] labels;
  private final int classCount;
  private final Shape shape;

  /**
   * Examples over {@code features} (size × featureCount values, row-major) and {@code labels}.
   * The arrays are taken over, not copied: the caller must not change them afterwards.
   *
   * @throws IllegalArgumentException if the lengths disagree, a label is outside
   *     {@code [0, classCount)} or a feature is NaN or infinite
   */
  public Examples(float[] features, int featureCount, int[] labels, int classCount) {
    this(features, flat(featureCount), labels, classCount);
  }

  private static Shape flat(int featureCount) {
    if (featureCount < 1) {
      throw new IllegalArgumentException("featureCount must be >= 1: " + featureCount);
    }
    return Shape.flat(featureCount);
  }

  /**
   * Examples of the given shape, {@code shape.size()} features each, stored as
   * {@link Shape} describes (channel by channel, row by row): images for a convolutional network.
   *
   * @throws IllegalArgumentException as the flat constructor does
   */
  public Examples(float[] features, Shape shape, int[] labels, int classCount) {
    Objects.requireNonNull(shape, "shape");
    int featureCount = shape.size();
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (featureCount < 1) {
      throw new IllegalArgumentException("featureCount must be >= 1: " + featureCount);
    }
    if (classCount < 1) {
      throw new IllegalArgumentException("classCount must be >= 1: " + classCount);
    }
    if ((long) labels.length * featureCount != features.length) {
      throw new IllegalArgumentException("features.length must be labels.length × featureCount = "
          + labels.length + " × " + featureCount + ": " + features.length);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classCount) {
        throw new IllegalArgumentException(
            "labels[" + i + "] must be in [0, " + classCount + "): " + labels[i]);
      }
    }
    for (int j = 0; j < features.length; j++) {
      if (!Float.isFinite(features[j])) {
        throw new IllegalArgumentException("feature " + j % featureCount + " of example "
            + j / featureCount + " must be finite: " + features[j]);
      }
    }
    this.features = features;
    this.featureCount = featureCount;
    this.labels = labels;
    this.classCount = classCount;
    this.shape = shape;
  }

  /** The shape of one example: flat unless the dataset says otherwise (MNIST: 1×28×28). */
  public Shape shape() {
    return shape;
  }

  /** The number of examples. */
  public int size() {
    return labels.length;
  }

  /** The number of features of each example (784 for MNIST). */
  public int featureCount() {
    return featureCount;
  }

  /** The number of classes; every label is in {@code [0, classCount)}. */
  public int classCount() {
    return classCount;
  }

  /** The class of example {@code i}. */
  public int label(int i) {
    return labels[Objects.checkIndex(i, size())];
  }

  /** Feature {@code k} of example {@code i}. */
  public float feature(int i, int k) {
    Objects.checkIndex(i, size());
    Objects.checkIndex(k, featureCount);
    return features[i * featureCount + k];
  }

  /** Copies the features of example {@code i} into {@code dest[destOffset …]}. */
  public void copyFeatures(int i, double[] dest, int destOffset) {
    Objects.checkIndex(i, size());
    Objects.checkFromIndexSize(destOffset, featureCount, dest.length);
    int row = i * featureCount;
    for (int k = 0; k < featureCount; k++) {
      dest[destOffset + k] = features[row + k];
    }
  }

  /** The examples {@code from} (inclusive) to {@code to} (exclusive), as a copy. */
  public Examples slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    return new Examples(
        Arrays.copyOfRange(features, from * featureCount, to * featureCount),
        shape,
        Arrays.copyOfRange(labels, from, to),
        classCount);
  }

  /** The backing row-major features, not a copy: read-only by contract. */
  public float[] features() {
    return features;
  }

  /** The backing labels, not a copy: read-only by contract. */
  public int[] labels() {
    return labels;
  }

  @Override
  public String toString() {
    return "Examples[size=" + size() + ", featureCount=" + featureCount
        + ", classCount=" + classCount + "]";
  }
}
