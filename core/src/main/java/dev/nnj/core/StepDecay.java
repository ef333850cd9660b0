package dev.nnj.core;

/**
 * Multiplies the learning rate by {@code factor} every {@code every} epochs:
 * {@code η_e = η₀ · factor^⌊e / every⌋}.
 *
 * @param factor in (0, 1]
 * @param every ≥ 1
 */
public record StepDecay(double factor, int every) implements Schedule {

  /** Validates. */
  public StepDecay {
    if (!(factor > 0 && factor <= 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1]: " + factor);
    }
    if (every < 1) {
      throw new IllegalArgumentException("every must be >= 1: " + every);
    }
  }

  @Override
  public State start(double initialLearningRate) {
    return new State() {
      private double rate = initialLearningRate;

      @Override public double learningRate() {
        return rate;
      }

      @Override public boolean epochFinished(int epoch, double evaluationAccuracy) {
        rate = initialLearningRate * Math.pow(factor, (epoch + 1) / every);
        return true;
      }
    };
  }
}
