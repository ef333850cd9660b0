package dev.nnj.core;

/** No penalty. */
public record NoRegularization() implements Regularization {
  @Override public void addGradient(double[] weights, double[] gradient, int batchSize, int trainingSize) {}

  @Override public double penalty(double[] weights) {
    return 0.0;
  }

  @Override public void addGradient(float[] weights, float[] gradient, int batchSize, int trainingSize) {}

  @Override public double penalty(float[] weights) {
    return 0.0;
  }
}
