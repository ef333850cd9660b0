package dev.nnj.core;

/**
 * The best evaluation epoch of a run so far: its accuracy, a copy of its weights, and how many
 * epochs have passed without improving on it — what early stopping and "restore the best
 * weights" need. Mutable; one run owns it.
 */
final class BestEpoch {

  private final double[][] weights;
  private double accuracy = Double.NEGATIVE_INFINITY;
  private int epochsSince;

  /** Tracking starts with a copy of {@code parameters}, kept until an epoch is recorded. */
  BestEpoch(Blocks parameters) {
    this.weights = parameters.snapshot();
  }

  /**
   * Records a finished epoch's evaluation accuracy (NaN never improves); when it is the best so
   * far and {@code parameters} is given, keeps a copy of them.
   */
  void record(double evaluationAccuracy, Blocks parameters) {
    if (evaluationAccuracy > accuracy) {
      accuracy = evaluationAccuracy;
      epochsSince = 0;
      if (parameters != null) {
        parameters.copyInto(weights);
      }
    } else {
      epochsSince++;
    }
  }

  /** Whether {@code rule} says to stop: its patience has run out since the best epoch. */
  boolean patienceRunOut(EarlyStopping rule) {
    return rule.patience() > 0 && epochsSince >= rule.patience();
  }

  /** Puts the best epoch's weights into {@code parameters}, if any epoch was measured. */
  void restoreInto(Blocks parameters) {
    if (accuracy > Double.NEGATIVE_INFINITY) {
      parameters.copyFrom(weights);
    }
  }

  /** A copy of the best weights, for a checkpoint. */
  double[][] weights() {
    return copies(weights);
  }

  /** Takes the best weights from a checkpoint. */
  void setWeights(double[][] saved) {
    copy(saved, weights);
  }

  static double[][] copies(double[][] blocks) {
    double[][] copy = new double[blocks.length][];
    for (int b = 0; b < blocks.length; b++) {
      copy[b] = blocks[b].clone();
    }
    return copy;
  }

  static void copy(double[][] from, double[][] to) {
    for (int b = 0; b < from.length; b++) {
      System.arraycopy(from[b], 0, to[b], 0, from[b].length);
    }
  }
}
