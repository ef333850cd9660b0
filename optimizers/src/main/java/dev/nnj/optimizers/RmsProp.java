package dev.nnj.optimizers;

/**
 * RMSProp: each parameter's step is divided by the root of a moving average of its squared
 * gradients, so steps adapt per parameter without shrinking forever as {@link AdaGrad}'s do.
 *
 * <p>From <a href="https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf">
 * Hinton, Neural Networks for Machine Learning, lecture 6e</a> (unpublished otherwise). Use it when
 * gradient sizes differ a lot between parameters or drift during training, as in recurrent nets;
 * {@link Adam} adds momentum to it.
 *
 * <p>Per parameter, with {@code ĝ = g/m} and {@code s} starting at zero:
 * {@code s ← ρ·s + (1 − ρ)·ĝ²;  w ← w − η·ĝ/(√s + ε)}.
 *
 * @param learningRate the step size {@code η}, positive and finite
 * @param decay the fraction {@code ρ} of the average kept each step, in {@code [0, 1)}
 * @param epsilon {@code ε}, positive and finite, keeps the division finite where {@code s = 0}
 */
public record RmsProp(double learningRate, double decay, double epsilon) implements Optimizer {

  /** Validates every hyperparameter. */
  public RmsProp {
    Validation.requirePositive("learningRate", learningRate);
    Validation.requireFraction("decay", decay);
    Validation.requirePositive("epsilon", epsilon);
  }

  @Override
  public RmsProp withLearningRate(double learningRate) {
    return new RmsProp(learningRate, decay, epsilon);
  }

  /** One average of squared gradients per parameter. */
  @Override
  public int stateValuesPerParameter() {
    return 1;
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    return new SquaredGradientState(decay, 1.0 - decay, epsilon, blockLengths);
  }
}
