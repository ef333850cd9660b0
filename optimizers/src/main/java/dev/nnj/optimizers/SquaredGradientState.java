package dev.nnj.optimizers;

/**
 * The per-run state of {@link AdaGrad} and {@link RmsProp}: for each parameter an accumulator
 * {@code s} of squared mean gradients, starting at zero, that divides the step so each parameter
 * gets its own step size. With {@code ĝ = g/m}:
 * {@code s ← keep·s + add·ĝ²;  w ← w − η·ĝ/(√s + ε)}.
 *
 * <p>AdaGrad sums ({@code keep = add = 1}); RMSProp keeps a moving average
 * ({@code keep = ρ, add = 1 − ρ}).
 */
final class SquaredGradientState implements OptimizerState {

  private final double keep;
  private final double add;
  private final double epsilon;
  private final double[][] squares;

  SquaredGradientState(double keep, double add, double epsilon, int[] blockLengths) {
    this.keep = keep;
    this.add = add;
    this.epsilon = epsilon;
    this.squares = Validation.zeros(blockLengths);
  }

  @Override
  public void step(double[][] parameters, double[][] gradients, int batchSize, double learningRate) {
    Validation.requireBatchSize(batchSize);
    for (int block = 0; block < parameters.length; block++) {
      double[] p = parameters[block];
      double[] g = gradients[block];
      double[] s = squares[block];
      for (int i = 0; i < p.length; i++) {
        double mean = g[i] / batchSize;
        s[i] = keep * s[i] + add * mean * mean;
        p[i] -= learningRate * mean / (Math.sqrt(s[i]) + epsilon);
      }
    }
  }

  @Override
  public double[][] save() {
    return Validation.copies(squares);
  }

  @Override
  public void restore(double[][] saved, long stepsTaken) {
    Validation.restore(saved, 0, squares);
  }
}
