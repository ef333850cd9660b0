package dev.nnj.core;

/**
 * What one epoch of training achieved. Figures that were not monitored are NaN (and
 * {@code correct}/{@code evaluated} 0).
 *
 * @param epoch the epoch's number, counting from 0 as the book does
 * @param learningRate the learning rate the epoch trained with
 * @param trainingCost mean cost on the training data after the epoch, regularisation included
 * @param trainingAccuracy fraction of the training data classified correctly after the epoch
 * @param evaluationCost mean cost on the evaluation data after the epoch
 * @param evaluationAccuracy fraction of the evaluation data classified correctly after the epoch
 * @param correct evaluation examples classified correctly
 * @param evaluated the number of evaluation examples
 * @param trainingSeconds the wall-clock time of the epoch's updates, measurements excluded
 */
public record EpochResult(
    int epoch,
    double learningRate,
    double trainingCost,
    double trainingAccuracy,
    double evaluationCost,
    double evaluationAccuracy,
    int correct,
    int evaluated,
    double trainingSeconds) {

  /** The fraction of evaluation examples classified correctly, or NaN without them. */
  public double accuracy() {
    return evaluationAccuracy;
  }
}
