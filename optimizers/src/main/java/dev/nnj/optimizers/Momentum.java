package dev.nnj.optimizers;

/**
 * Gradient descent with momentum: a velocity remembers past steps, so the parameters pick up speed
 * along directions the gradients agree on, while steps across a narrow valley cancel out.
 *
 * <p>From <a href="http://neuralnetworksanddeeplearning.com/chap3.html#variations_on_stochastic_gradient_descent">
 * Nielsen, chapter 3</a> (Polyak's heavy ball, 1964). Use it instead of {@link Sgd} when plain
 * steps zig-zag or crawl along a long shallow valley; {@code μ = 0.9} is the usual choice and
 * {@code μ = 0} is plain SGD.
 *
 * <p>Per parameter, with {@code ĝ = g/m} the mean gradient over the mini-batch and every velocity
 * starting at zero: {@code v ← μ·v − η·ĝ;  w ← w + v}.
 *
 * @param learningRate the step size {@code η}, positive and finite
 * @param momentum the fraction {@code μ} of the velocity kept each step, in {@code [0, 1)}
 */
public record Momentum(double learningRate, double momentum) implements Optimizer {

  /** Validates every hyperparameter. */
  public Momentum {
    Validation.requirePositive("learningRate", learningRate);
    Validation.requireFraction("momentum", momentum);
  }

  @Override
  public Momentum withLearningRate(double learningRate) {
    return new Momentum(learningRate, momentum);
  }

  /** One velocity per parameter. */
  @Override
  public int stateValuesPerParameter() {
    return 1;
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    return VelocityState.classical(momentum, blockLengths);
  }
}
