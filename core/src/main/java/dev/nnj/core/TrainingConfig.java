package dev.nnj.core;

import java.util.Objects;

/**
 * How to train: Nielsen's {@code SGD(training_data, epochs, mini_batch_size, eta, lmbda, …)}
 * without the learning rate, which belongs to the optimizer.
 *
 * @param epochs passes over the training data at most, ≥ 1
 * @param batchSize the mini-batch size {@code m}, ≥ 1
 * @param seed seeds every epoch's reshuffle and the dropout masks (and any other draws a layer
 *     makes in training)
 * @param regularization the weight penalty ({@link NoRegularization} for none)
 * @param schedule how the learning rate changes per epoch ({@link ConstantRate} for none)
 * @param earlyStopping when to stop before {@code epochs} ({@link EarlyStopping#NEVER})
 * @param monitoring which figures to measure after every epoch
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    long seed,
    Regularization regularization,
    Schedule schedule,
    EarlyStopping earlyStopping,
    Monitoring monitoring) {

  /** Validates. */
  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1: " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
    Objects.requireNonNull(regularization, "regularization");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(earlyStopping, "earlyStopping");
    Objects.requireNonNull(monitoring, "monitoring");
  }

  /** Chapter 1's training: no regularisation, constant rate, every epoch. */
  public TrainingConfig(int epochs, int batchSize, long seed) {
    this(epochs, batchSize, seed, new NoRegularization(), new ConstantRate(),
        EarlyStopping.NEVER, Monitoring.EVALUATION_ACCURACY);
  }

  /** This configuration with another regularisation. */
  public TrainingConfig withRegularization(Regularization regularization) {
    return new TrainingConfig(epochs, batchSize, seed, regularization, schedule,
        earlyStopping, monitoring);
  }

  /** This configuration with another schedule. */
  public TrainingConfig withSchedule(Schedule schedule) {
    return new TrainingConfig(epochs, batchSize, seed, regularization, schedule,
        earlyStopping, monitoring);
  }

  /** This configuration with another early-stopping rule. */
  public TrainingConfig withEarlyStopping(EarlyStopping earlyStopping) {
    return new TrainingConfig(epochs, batchSize, seed, regularization, schedule,
        earlyStopping, monitoring);
  }

  /** This configuration with other figures monitored. */
  public TrainingConfig withMonitoring(Monitoring monitoring) {
    return new TrainingConfig(epochs, batchSize, seed, regularization, schedule,
        earlyStopping, monitoring);
  }
}
