package dev.nnj.core;

/**
 * What one epoch of training achieved.
 *
 * @param epoch the epoch's number, counting from 0 as the book does
 * @param correct test examples classified correctly after the epoch; 0 when there is no test data
 * @param evaluated the number of test examples; 0 when there is no test data
 * @param trainingCost the mean cost {@code (1/n) Σ_x C_x} over the epoch's mini-batches, each
 *     taken before its own update
 * @param trainingSeconds the wall-clock time of the epoch's updates, evaluation excluded
 */
public record EpochResult(
    int epoch, int correct, int evaluated, double trainingCost, double trainingSeconds) {

  /** The fraction of test examples classified correctly, or NaN without test data. */
  public double accuracy() {
    return evaluated == 0 ? Double.NaN : (double) correct / evaluated;
  }
}
