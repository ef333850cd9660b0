package dev.nnj.optimizers;

/**
 * The mutable per-run state of an {@link Optimizer}: it applies one update per mini-batch.
 *
 * <p>Not thread-safe: one training run owns it.
 */
public interface OptimizerState {

  /**
   * Updates every parameter block in place from its gradient.
   *
   * @param parameters the parameter blocks, in the order and lengths given to {@link Optimizer#start}
   * @param gradients {@code Σ_x ∂C_x/∂p} for each block, summed (not averaged) over the mini-batch
   * @param batchSize the number of examples {@code m} the gradients were summed over; the last
   *     mini-batch of an epoch may be shorter than the others
   * @param learningRate the step size {@code η} for this step: the optimizer's own, or what a
   *     learning-rate schedule made of it
   */
  void step(double[][] parameters, double[][] gradients, int batchSize, double learningRate);
}
