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
      gradient[i] *= step(z[i]);
    }
  }

  private static final long ONE = Double.doubleToRawLongBits(1.0);

  /**
   * {@code z > 0 ? 1.0 : 0.0}, computed from the bits of {@code z} without a branch: with half
   * the units off in no pattern a branch mispredicts on every other neuron, and the loop above
   * ran four times slower with one (measured, issue 14). {@code z > 0} (NaN excluded) exactly when
   * its bits, read as a signed {@code long}, lie in {@code [1, bits(+∞)]}; then both
   * {@code bits − 1} and {@code bits(+∞) − bits} are non-negative, and the arithmetic shift of
   * their {@code |} by 63 is 0, else −1 (all ones).
   */
  static double step(double z) {
    long bits = Double.doubleToRawLongBits(z);
    long off = ((bits - 1) | (0x7ff0000000000000L - bits)) >> 63;
    return Double.longBitsToDouble(~off & ONE);
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
