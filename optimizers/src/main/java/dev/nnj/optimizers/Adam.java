package dev.nnj.optimizers;

/**
 * Adam: momentum and RMSProp together, each a moving average corrected for its zero start, giving
 * every parameter a step of about {@code η} in the direction its recent gradients agree on.
 *
 * <p>From <a href="https://arxiv.org/abs/1412.6980">Kingma &amp; Ba (2015)</a>. The usual first
 * choice for deep or badly scaled networks: the defaults work across many problems. Prefer
 * {@link AdamW} when you also want weight decay; plain SGD with momentum sometimes generalises
 * better on well-tuned vision tasks.
 *
 * <p>Per parameter, with {@code ĝ = g/m}, {@code m, v} starting at zero and {@code t} counting
 * steps from 1:
 * {@code m ← β₁·m + (1 − β₁)·ĝ;  v ← β₂·v + (1 − β₂)·ĝ²;  w ← w − η·m̂/(√v̂ + ε)} where
 * {@code m̂ = m/(1 − β₁ᵗ)} and {@code v̂ = v/(1 − β₂ᵗ)}.
 *
 * @param learningRate the step size {@code η}, positive and finite
 * @param beta1 the decay {@code β₁} of the gradient average, in {@code [0, 1)}
 * @param beta2 the decay {@code β₂} of the squared-gradient average, in {@code [0, 1)}
 * @param epsilon {@code ε}, positive and finite, keeps the division finite where {@code v̂ = 0}
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon)
    implements Optimizer {

  /** Validates every hyperparameter. */
  public Adam {
    Validation.requirePositive("learningRate", learningRate);
    Validation.requireFraction("beta1", beta1);
    Validation.requireFraction("beta2", beta2);
    Validation.requirePositive("epsilon", epsilon);
  }

  @Override
  public Adam withLearningRate(double learningRate) {
    return new Adam(learningRate, beta1, beta2, epsilon);
  }

  /** Two moments per parameter. */
  @Override
  public int stateValuesPerParameter() {
    return 2;
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    return new AdamMoments(beta1, beta2, epsilon, blockLengths);
  }
}
