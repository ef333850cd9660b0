package dev.nnj.optimizers;

/**
 * Nesterov accelerated gradient: {@link Momentum} that looks ahead, stepping with the velocity it
 * is about to have rather than the one it had, which damps overshooting.
 *
 * <p>In the reformulation of <a href="https://proceedings.mlr.press/v28/sutskever13.html">
 * Sutskever, Martens, Dahl &amp; Hinton (2013)</a>, as PyTorch uses it, which needs the gradient at
 * the current parameters only. Use it where you would use momentum; it is seldom worse and often
 * converges in fewer steps.
 *
 * <p>Per parameter, with {@code ĝ = g/m} and every velocity starting at zero:
 * {@code v ← μ·v − η·ĝ;  w ← w + μ·v − η·ĝ}.
 *
 * @param learningRate the step size {@code η}, positive and finite
 * @param momentum the fraction {@code μ} of the velocity kept each step, in {@code [0, 1)}
 */
public record Nesterov(double learningRate, double momentum) implements Optimizer {

  /** Validates every hyperparameter. */
  public Nesterov {
    Validation.requirePositive("learningRate", learningRate);
    Validation.requireFraction("momentum", momentum);
  }

  @Override
  public Nesterov withLearningRate(double learningRate) {
    return new Nesterov(learningRate, momentum);
  }

  /** One velocity per parameter. */
  @Override
  public int stateValuesPerParameter() {
    return 1;
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    return VelocityState.nesterov(momentum, blockLengths);
  }
}
