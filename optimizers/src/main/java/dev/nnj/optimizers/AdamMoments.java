package dev.nnj.optimizers;

/**
 * The per-run state of {@link Adam}, and of {@link AdamW} after its decay: moving averages of the
 * mean gradient ({@code m}) and of its square ({@code v}) for each parameter, both starting at
 * zero, and the step count {@code t}. Algorithm 1 of Kingma &amp; Ba (2015), with {@code ĝ = g/m}:
 *
 * <pre>{@code
 * t ← t + 1
 * m ← β₁·m + (1 − β₁)·ĝ
 * v ← β₂·v + (1 − β₂)·ĝ²
 * w ← w − η·m̂/(√v̂ + ε),   m̂ = m/(1 − β₁ᵗ),  v̂ = v/(1 − β₂ᵗ)
 * }</pre>
 *
 * <p>The bias corrections undo the averages' pull toward their zero start in the first steps.
 */
final class AdamMoments implements OptimizerState {

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double[][] means;
  private final double[][] squares;
  private long steps;

  AdamMoments(double beta1, double beta2, double epsilon, int[] blockLengths) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.means = Validation.zeros(blockLengths);
    this.squares = Validation.zeros(blockLengths);
  }

  @Override
  public void step(double[][] parameters, double[][] gradients, int batchSize, double learningRate) {
    Validation.requireBatchSize(batchSize);
    steps++;
    double meanCorrection = 1.0 - Math.pow(beta1, steps);
    double squareCorrection = 1.0 - Math.pow(beta2, steps);
    BlockSplit.run(parameters, (from, to) -> update(parameters, gradients, batchSize,
        learningRate, meanCorrection, squareCorrection, from, to));
  }

  /** The step of the blocks {@code [from, to)}. */
  private void update(double[][] parameters, double[][] gradients, int batchSize,
      double learningRate, double meanCorrection, double squareCorrection, int from, int to) {
    for (int block = from; block < to; block++) {
      double[] p = parameters[block];
      double[] g = gradients[block];
      double[] m = means[block];
      double[] v = squares[block];
      for (int i = 0; i < p.length; i++) {
        double mean = g[i] / batchSize;
        m[i] = beta1 * m[i] + (1.0 - beta1) * mean;
        v[i] = beta2 * v[i] + (1.0 - beta2) * mean * mean;
        double correctedMean = m[i] / meanCorrection;
        double correctedSquare = v[i] / squareCorrection;
        p[i] -= learningRate * correctedMean / (Math.sqrt(correctedSquare) + epsilon);
      }
    }
  }

  /** The means' blocks, then the squares'. */
  @Override
  public double[][] save() {
    double[][] saved = new double[2 * means.length][];
    for (int b = 0; b < means.length; b++) {
      saved[b] = means[b].clone();
      saved[means.length + b] = squares[b].clone();
    }
    return saved;
  }

  @Override
  public void restore(double[][] saved, long stepsTaken) {
    if (saved.length != 2 * means.length) {
      throw new IllegalArgumentException("the checkpoint holds " + saved.length
          + " state blocks; Adam needs " + 2 * means.length);
    }
    Validation.restore(saved, 0, means);
    Validation.restore(saved, means.length, squares);
    steps = stepsTaken;
  }
}
