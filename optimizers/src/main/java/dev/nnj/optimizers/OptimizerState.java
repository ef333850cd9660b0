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
   * {@link #step(double[][], double[][], int, double)} when only some blocks can have a non-zero
   * gradient: {@code blocks[0 .. count)} lists them (each once), and every other block's gradient
   * is zero. A rule that leaves a parameter alone when its gradient is zero (plain SGD) may skip
   * the unlisted blocks; the default updates every block, as rules with momentum or moment
   * estimates must. The first layer of a network fed MNIST gets about half its rows listed.
   */
  default void step(double[][] parameters, double[][] gradients, int[] blocks, int count,
      int batchSize, double learningRate) {
    step(parameters, gradients, batchSize, learningRate);
  }

  /**
   * {@link #step(double[][], double[][], int, double)} for parameters kept in single precision:
   * the update computed in double from the widened parameters and gradients (the state, such as
   * Adam's moments, stays double), each new parameter rounded to float. The default does exactly
   * that through double copies of every block, so every rule, a user's too, trains a float
   * network; the built-in rules override it with the same arithmetic and no copies.
   */
  default void step(float[][] parameters, float[][] gradients, int batchSize,
      double learningRate) {
    double[][] widened = FloatBlocks.widen(parameters);
    step(widened, FloatBlocks.widen(gradients), batchSize, learningRate);
    FloatBlocks.narrow(widened, parameters);
  }

  /**
   * {@link #step(double[][], double[][], int[], int, int, double)} for parameters in single
   * precision, as {@link #step(float[][], float[][], int, double)} computes it; the default
   * updates every block.
   */
  default void step(float[][] parameters, float[][] gradients, int[] blocks, int count,
      int batchSize, double learningRate) {
    step(parameters, gradients, batchSize, learningRate);
  }

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
