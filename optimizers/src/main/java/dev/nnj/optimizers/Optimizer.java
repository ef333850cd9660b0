package dev.nnj.optimizers;

/**
 * A gradient-descent rule: how parameters move given the gradient of the cost over a mini-batch.
 *
 * <p>An optimizer is an immutable value holding its hyperparameters only (for example
 * {@code new Sgd(3.0)}). The per-run state that some rules keep (momentum velocities, Adam's
 * moments) lives in a separate {@link OptimizerState} that {@link #start} creates for one set of
 * parameters, so one optimizer value can describe many runs.
 *
 * <p>Call order: {@code start} once per training run, then {@link OptimizerState#step} once per
 * mini-batch. Add your own with {@link OptimizersModule#optimizerBinder}.
 */
public interface Optimizer {

  /** The step size {@code η}. */
  double learningRate();

  /** This optimizer with another learning rate and the same other hyperparameters. */
  Optimizer withLearningRate(double learningRate);

  /**
   * Creates the state for one training run over parameters held in blocks of the given lengths
   * (for a network, each layer's weights and biases).
   */
  OptimizerState start(int[] blockLengths);
}
