package dev.nnj.activations;

/**
 * The logistic sigmoid {@code σ(z) = 1 / (1 + e^(−z))}, the neuron of Nielsen's chapter 1.
 *
 * <p>Smooth, bounded in (0, 1), and saturating: for large {@code |z|} its derivative
 * {@code σ'(z) = σ(z)(1 − σ(z))} vanishes, which is why learning slows in saturated neurons
 * (chapter 3). Use it to reproduce the book; prefer ReLU in deep hidden layers.
 */
public final class Sigmoid implements Activation {

  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
    }
  }

  /** {@code σ'(z) = σ(z)(1 − σ(z)) = a(1 − a)}: no second exponential. */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      gradient[i] *= a[i] * (1.0 - a[i]);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sigmoid;
  }

  @Override
  public int hashCode() {
    return Sigmoid.class.hashCode();
  }

  @Override
  public String toString() {
    return "sigmoid";
  }
}
