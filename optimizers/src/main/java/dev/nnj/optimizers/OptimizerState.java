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

  /**
   * A copy of what this state has accumulated (velocities, moment estimates), as blocks of
   * numbers for a checkpoint; empty for a rule that keeps nothing.
   */
  default double[][] save() {
    return new double[0][];
  }

  /**
   * Puts back what {@link #save} returned, so that training resumed from a checkpoint continues
   * exactly as it would have.
   *
   * @param stepsTaken the number of steps taken before the checkpoint (Adam's {@code t})
   * @throws IllegalArgumentException if {@code saved} does not fit this state
   */
  default void restore(double[][] saved, long stepsTaken) {
    if (saved.length != 0) {
      throw new IllegalArgumentException(
          "this optimizer keeps no state, but the checkpoint holds " + saved.length + " blocks");
    }
  }
}
