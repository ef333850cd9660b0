package dev.nnj.core;

/**
 * L1 regularisation: {@code R = Σ |w|}, {@code ∂R/∂w = sgn(w)} (0 at 0): shrinks small weights
 * to zero by a constant amount, leaving few large ones.
 *
 * @param lambda λ ≥ 0
 */
public record L1(double lambda) implements Regularization {
  /** Validates λ. */
  public L1 {
    Regularization.checkLambda(lambda);
  }

  @Override public void addGradient(double[] weights, double[] gradient, int batchSize, int trainingSize) {
    double scale = batchSize * lambda / trainingSize;
    for (int j = 0; j < weights.length; j++) {
      gradient[j] += scale * Math.signum(weights[j]);
    }
  }

  @Override public double penalty(double[] weights) {
    double sum = 0.0;
    for (double w : weights) {
      sum += Math.abs(w);
    }
    return lambda * sum;
  }

  /** The same term in double, the sum rounded to float. */
  @Override public void addGradient(float[] weights, float[] gradient, int batchSize, int trainingSize) {
    double scale = batchSize * lambda / trainingSize;
    for (int j = 0; j < weights.length; j++) {
      gradient[j] = (float) (gradient[j] + scale * Math.signum((double) weights[j]));
    }
  }

  @Override public double penalty(float[] weights) {
    double sum = 0.0;
    for (double w : weights) {
      sum += Math.abs(w);
    }
    return lambda * sum;
  }
}
