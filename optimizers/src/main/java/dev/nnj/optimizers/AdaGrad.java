package dev.nnj.optimizers;

/**
 * AdaGrad: each parameter's step is divided by the root of the sum of all its past squared
 * gradients, so rarely-updated parameters keep large steps and often-updated ones slow down.
 *
 * <p>From <a href="https://jmlr.org/papers/v12/duchi11a.html">Duchi, Hazan &amp; Singer (2011)</a>.
 * Use it for sparse inputs (bag-of-words, one-hot features). The sum only grows, so the steps
 * shrink like {@code 1/√t} and long runs stall; {@link RmsProp} forgets old gradients instead.
 *
 * <p>Per parameter, with {@code ĝ = g/m} and {@code s} starting at zero:
 * {@code s ← s + ĝ²;  w ← w − η·ĝ/(√s + ε)}.
 *
 * @param learningRate the step size {@code η}, positive and finite
 * @param epsilon {@code ε}, positive and finite, keeps the division finite where {@code s = 0}
 */
public record AdaGrad(double learningRate, double epsilon) implements Optimizer {

  /** Validates every hyperparameter. */
  public AdaGrad {
    Validation.requirePositive("learningRate", learningRate);
    Validation.requirePositive("epsilon", epsilon);
  }

  @Override
  public AdaGrad withLearningRate(double learningRate) {
    return new AdaGrad(learningRate, epsilon);
  }

  /** One sum of squared gradients per parameter. */
  @Override
  public int stateValuesPerParameter() {
    return 1;
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    return new SquaredGradientState(1.0, 1.0, epsilon, blockLengths);
  }
}
