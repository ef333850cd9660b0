package dev.nnj.optimizers;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A gradient-descent rule: how parameters move given the gradient of the cost over a mini-batch.
 *
 * <p>An optimizer is an immutable value holding its hyperparameters only (for example
 * {@code new Sgd(3.0)}). The per-run state that some rules keep (momentum velocities, Adam's
 * moments) lives in a separate {@link OptimizerState} that {@link #start} creates for one set of
 * parameters, so one optimizer value can describe many runs.
 *
 * <p>Call order: {@code start} once per training run, then {@link OptimizerState#step} once per
 * mini-batch. Add your own with {@link OptimizersModule#optimizerBinder}. In JSON an optimizer is
 * an object whose {@code "type"} is its registry name, with its hyperparameters beside it:
 * {@code {"type": "adam", "learningRate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Optimizer {

  /** The step size {@code η} at the start of training; a schedule may change it per epoch. */
  double learningRate();

  /** This optimizer with another learning rate and the same other hyperparameters. */
  Optimizer withLearningRate(double learningRate);

  /**
   * Creates the state for one training run over parameters held in blocks of the given lengths
   * (for a network, the rows of each layer's weights and its biases).
   *
   * @param weightBlocks which blocks hold weights rather than biases, for rules that decay
   *     weights only (AdamW)
   */
  OptimizerState start(int[] blockLengths, boolean[] weightBlocks);

  /**
   * How many numbers per parameter the state from {@link #start} keeps (plain SGD none, a
   * momentum velocity one, Adam's two moments two), so that a run that cannot fit in memory is
   * refused before it starts. The default, 0, leaves the state out of that estimate, which then
   * stays a lower bound: override it for a rule that keeps per-parameter state.
   */
  default int stateValuesPerParameter() {
    return 0;
  }
}
