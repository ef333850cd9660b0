package dev.nnj.activations;

/**
 * The rectified linear unit {@code σ(z) = max(0, z)}.
 *
 * <p>See Glorot, Bordes and Bengio, <a href="https://proceedings.mlr.press/v15/glorot11a.html">Deep
 * Sparse Rectifier Neural Networks</a> (2011), and Nielsen, chapter 3. Use it in the hidden layers
 * of deep networks: it does not saturate for {@code z > 0}, so learning does not slow there, and it
 * costs one comparison. A neuron whose {@code z} stays negative learns nothing ("dies"); see
 * {@link LeakyRelu}. Derivative {@code σ'(z) = 1 if z > 0, else 0}.
 */
public final class Relu implements Activation {

  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      a[i] = Math.max(0.0, z[i]);
    }
  }

  /**
   * {@code σ'(z) = 1 if z > 0, else 0}. At the kink {@code z = 0} we take 0, the usual choice (a
   * valid subgradient), so a neuron with exactly zero input passes no gradient.
   */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      gradient[i] *= z[i] > 0.0 ? 1.0 : 0.0;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Relu;
  }

  @Override
  public int hashCode() {
    return Relu.class.hashCode();
  }

  @Override
  public String toString() {
    return "relu";
  }
}
