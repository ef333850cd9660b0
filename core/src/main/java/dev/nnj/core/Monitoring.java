package dev.nnj.core;

/**
 * Which figures training measures after each epoch, as {@code network2.py}'s {@code monitor_*}
 * flags. Each costs a pass over its data set.
 *
 * @param trainingCost mean cost (with the regularisation term) on the training data
 * @param trainingAccuracy fraction classified correctly on the training data
 * @param evaluationCost mean cost on the evaluation data
 * @param evaluationAccuracy fraction classified correctly on the evaluation data
 */
public record Monitoring(
    boolean trainingCost, boolean trainingAccuracy, boolean evaluationCost, boolean evaluationAccuracy) {

  /** Accuracy on the evaluation data only: chapter 1's "Epoch j: correct / n". */
  public static final Monitoring EVALUATION_ACCURACY = new Monitoring(false, false, false, true);

  /** All four figures. */
  public static final Monitoring ALL = new Monitoring(true, true, true, true);
}
