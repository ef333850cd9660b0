package dev.nnj.core;

/**
 * Chapter 3's learning-rate schedule: halve η whenever the accuracy on the evaluation data has not
 * improved for {@code patience} epochs, and stop once η has fallen to η₀ / {@code stopRatio}
 * (the book: "no-improvement-in-ten", terminate at 1/128).
 *
 * @param patience epochs without improvement before halving, ≥ 1
 * @param stopRatio training stops when η ≤ η₀ / stopRatio; ≥ 1
 */
public record HalveOnPlateau(int patience, double stopRatio) implements Schedule {

  /** Validates. */
  public HalveOnPlateau {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1: " + patience);
    }
    if (!(stopRatio >= 1) || Double.isInfinite(stopRatio)) {
      throw new IllegalArgumentException("stopRatio must be >= 1 and finite: " + stopRatio);
    }
  }

  @Override
  public State start(double initialLearningRate) {
    return new State() {
      private double rate = initialLearningRate;
      private double best = Double.NEGATIVE_INFINITY;
      private int sinceBest;

      @Override public double learningRate() {
        return rate;
      }

      @Override public boolean epochFinished(int epoch, double evaluationAccuracy) {
        if (evaluationAccuracy > best) {
          best = evaluationAccuracy;
          sinceBest = 0;
        } else if (++sinceBest >= patience) {
          rate /= 2;
          sinceBest = 0;
        }
        return rate > initialLearningRate / stopRatio;
      }
    };
  }
}
