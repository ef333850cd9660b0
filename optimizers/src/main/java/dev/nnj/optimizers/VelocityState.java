package dev.nnj.optimizers;

/**
 * The per-run state of {@link Momentum} and {@link Nesterov}: one velocity per parameter, starting
 * at zero. The two rules update the velocity alike and differ only in the step they take with it.
 */
final class VelocityState implements OptimizerState {

  private final double momentum;
  private final boolean lookAhead;
  private final double[][] velocities;

  private VelocityState(double momentum, boolean lookAhead, int[] blockLengths) {
    this.momentum = momentum;
    this.lookAhead = lookAhead;
    this.velocities = Validation.zeros(blockLengths);
  }

  /** Classical momentum: {@code w ← w + v}. */
  static VelocityState classical(double momentum, int[] blockLengths) {
    return new VelocityState(momentum, false, blockLengths);
  }

  /** Nesterov's look-ahead: {@code w ← w + μ·v − η·ĝ}, with the velocity just updated. */
  static VelocityState nesterov(double momentum, int[] blockLengths) {
    return new VelocityState(momentum, true, blockLengths);
  }

  @Override
  public void step(double[][] parameters, double[][] gradients, int batchSize, double learningRate) {
    Validation.requireBatchSize(batchSize);
    double scale = learningRate / batchSize;
    for (int block = 0; block < parameters.length; block++) {
      double[] p = parameters[block];
      double[] g = gradients[block];
      double[] v = velocities[block];
      for (int i = 0; i < p.length; i++) {
        double descent = scale * g[i]; // η·ĝ, the plain SGD step
        v[i] = momentum * v[i] - descent;
        p[i] += lookAhead ? momentum * v[i] - descent : v[i];
      }
    }
  }

  @Override
  public double[][] save() {
    return Validation.copies(velocities);
  }

  @Override
  public void restore(double[][] saved, long stepsTaken) {
    Validation.restore(saved, 0, velocities);
  }
}
