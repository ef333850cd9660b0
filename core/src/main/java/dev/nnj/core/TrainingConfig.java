package dev.nnj.core;

/**
 * How long and in what steps to train: Nielsen's {@code SGD(training_data, epochs,
 * mini_batch_size, eta)} without the learning rate, which belongs to the optimizer.
 *
 * @param epochs passes over the training data, ≥ 1
 * @param batchSize the mini-batch size {@code m}, ≥ 1
 * @param seed the seed of the reshuffle drawn before every epoch
 */
public record TrainingConfig(int epochs, int batchSize, long seed) {

  /** Validates. */
  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
  }
}
