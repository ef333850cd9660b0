package dev.nnj.optimizers;

/**
 * Plain mini-batch stochastic gradient descent, Nielsen's chapter 1:
 * {@code p ← p − (η/m) Σ_x ∂C_x/∂p}, where {@code m} is the size of the mini-batch.
 *
 * <p>Keeps no state between steps. The book's chapter-1 network learns with {@code η = 3.0}.
 *
 * @param learningRate the step size {@code η}, positive and finite
 */
public record Sgd(double learningRate) implements Optimizer {

  /** Validates the learning rate. */
  public Sgd {
    Validation.requirePositive("learningRate", learningRate);
  }

  @Override
  public Sgd withLearningRate(double learningRate) {
    return new Sgd(learningRate);
  }

  @Override
  public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
    return Sgd::step;
  }

  private static void step(
      double[][] parameters, double[][] gradients, int batchSize, double learningRate) {
    Validation.requireBatchSize(batchSize);
    double scale = learningRate / batchSize;
    for (int block = 0; block < parameters.length; block++) {
      double[] p = parameters[block];
      double[] g = gradients[block];
      for (int i = 0; i < p.length; i++) {
        p[i] -= scale * g[i];
      }
    }
  }
}
