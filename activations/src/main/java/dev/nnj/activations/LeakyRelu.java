package dev.nnj.activations;

/**
 * The leaky rectified linear unit {@code σ(z) = z if z > 0, else slope·z}.
 *
 * <p>See Maas, Hannun and Ng, <a
 * href="https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf">Rectifier
 * Nonlinearities Improve Neural Network Acoustic Models</a> (2013). Use it instead of {@link Relu}
 * when neurons die: the small slope for {@code z ≤ 0} keeps a gradient flowing. Derivative
 * {@code σ'(z) = 1 if z > 0, else slope}.
 *
 * @param slope the slope for {@code z ≤ 0}, in {@code [0, 1)}; 0 gives the ReLU
 */
public record LeakyRelu(double slope) implements Activation {

  public LeakyRelu {
    if (!(slope >= 0.0 && slope < 1.0)) {
      throw new IllegalArgumentException("slope must be >= 0 and < 1: " + slope);
    }
    if (slope == 0.0) {
      slope = 0.0; // −0.0 and 0.0 are the same slope, so make them equal values.
    }
  }

  /** The usual slope, 0.01. */
  public LeakyRelu() {
    this(0.01);
  }

  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      a[i] = z[i] > 0.0 ? z[i] : slope * z[i];
    }
  }

  /** {@code σ'(z) = 1 if z > 0, else slope}; at the kink {@code z = 0} we take the slope. */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      gradient[i] *= z[i] > 0.0 ? 1.0 : slope;
    }
  }

  @Override
  public String toString() {
    return "leaky-relu(" + slope + ")";
  }
}
