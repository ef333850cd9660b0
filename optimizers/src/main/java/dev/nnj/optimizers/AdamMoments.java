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
  /** The moments in double; null once a float step has moved them to {@link #floatMeans}. */
  private double[][] means;
  private double[][] squares;
  /** The moments of parameters in float, kept in float; null until the first float step. */
  private float[][] floatMeans;
  private float[][] floatSquares;
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
    if (means == null) {
      throw new IllegalStateException("this Adam state has stepped parameters in float; one "
          + "state steps one network, in one precision");
    }
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

  /**
   * The same rule for parameters in float, taken in float as the network's kernels compute, in
   * the form PyTorch's float32 Adam takes (one square root and one division per parameter, the
   * bias corrections folded into two constants):
   *
   * <pre>{@code
   * m ← β₁·m + (1 − β₁)·ĝ,  v ← β₂·v + (1 − β₂)·ĝ²,  ĝ = g·(1/m_batch)
   * w ← w − (η/(1 − β₁ᵗ))·m / (√v·(1/√(1 − β₂ᵗ)) + ε)
   * }</pre>
   *
   * The moments are kept in float too. One loop in one precision is what Java 17's compiler
   * vectorises; a double update of float parameters would run one value at a time.
   */
  @Override
  public void step(float[][] parameters, float[][] gradients, int batchSize, double learningRate) {
    Validation.requireBatchSize(batchSize);
    if (floatMeans == null) {
      floatMeans = FloatBlocks.narrowed(means);
      floatSquares = FloatBlocks.narrowed(squares);
      means = null;
      squares = null;
    }
    steps++;
    float stepSize = (float) (learningRate / (1.0 - Math.pow(beta1, steps)));
    float rootCorrection = (float) (1.0 / Math.sqrt(1.0 - Math.pow(beta2, steps)));
    BlockSplit.run(parameters, (from, to) -> update(parameters, gradients,
        (float) (1.0 / batchSize), stepSize, rootCorrection, from, to));
  }

  /** The float step of the blocks {@code [from, to)}. */
  private void update(float[][] parameters, float[][] gradients, float perExample,
      float stepSize, float rootCorrection, int from, int to) {
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float keep1 = (float) (1.0 - beta1);
    float keep2 = (float) (1.0 - beta2);
    float eps = (float) epsilon;
    for (int block = from; block < to; block++) {
      float[] p = parameters[block];
      float[] g = gradients[block];
      float[] m = floatMeans[block];
      float[] v = floatSquares[block];
      for (int i = 0; i < p.length; i++) {
        float mean = g[i] * perExample;
        m[i] = b1 * m[i] + keep1 * mean;
        v[i] = b2 * v[i] + keep2 * mean * mean;
        p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * rootCorrection + eps);
      }
    }
  }

  /** The means' blocks, then the squares'. */
  @Override
  public double[][] save() {
    double[][] m = floatMeans != null ? FloatBlocks.widen(floatMeans) : means;
    double[][] v = floatMeans != null ? FloatBlocks.widen(floatSquares) : squares;
    double[][] saved = new double[2 * m.length][];
    for (int b = 0; b < m.length; b++) {
      saved[b] = m[b].clone();
      saved[m.length + b] = v[b].clone();
    }
    return saved;
  }

  @Override
  public void restore(double[][] saved, long stepsTaken) {
    int blocks = floatMeans != null ? floatMeans.length : means.length;
    if (saved.length != 2 * blocks) {
      throw new IllegalArgumentException("the checkpoint holds " + saved.length
          + " state blocks; Adam needs " + 2 * blocks);
    }
    if (floatMeans != null) {
      double[][] m = FloatBlocks.widen(floatMeans);
      double[][] v = FloatBlocks.widen(floatSquares);
      Validation.restore(saved, 0, m);
      Validation.restore(saved, blocks, v);
      FloatBlocks.narrow(m, floatMeans);
      FloatBlocks.narrow(v, floatSquares);
    } else {
      Validation.restore(saved, 0, means);
      Validation.restore(saved, blocks, squares);
    }
    steps = stepsTaken;
  }
}
