package dev.nnj.datasets;

import java.util.Objects;

/**
 * The three parts of a dataset: {@code training} to learn from, {@code validation} to choose
 * hyperparameters on, and {@code test} to report the final accuracy on.
 *
 * <p>All three have the same feature count and class count.
 */
public record Splits(Examples training, Examples validation, Examples test) {
  /** Validates that no part is null and that all parts agree on feature and class counts. */
  public Splits {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
    requireSameShape("validation", validation, training);
    requireSameShape("test", test, training);
  }

  private static void requireSameShape(String name, Examples part, Examples training) {
    if (part.featureCount() != training.featureCount()) {
      throw new IllegalArgumentException(name + " has featureCount " + part.featureCount()
          + ", training has " + training.featureCount());
    }
    if (!part.shape().equals(training.shape())) {
      throw new IllegalArgumentException(name + " has examples of shape " + part.shape()
          + ", training has " + training.shape());
    }
    if (part.classCount() != training.classCount()) {
      throw new IllegalArgumentException(name + " has classCount " + part.classCount()
          + ", training has " + training.classCount());
    }
  }
}
