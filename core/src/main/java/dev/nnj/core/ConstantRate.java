package dev.nnj.core;

/** The learning rate never changes; training runs all its epochs. Chapters 1 and 3's default. */
public record ConstantRate() implements Schedule {

  @Override
  public State start(double initialLearningRate) {
    return new State() {
      @Override public double learningRate() {
        return initialLearningRate;
      }

      @Override public boolean epochFinished(int epoch, double evaluationAccuracy) {
        return true;
      }
    };
  }
}
