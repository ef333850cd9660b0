package dev.nnj.activations;

/**
 * The softplus {@code σ(z) = ln(1 + e^z)}, a smooth ReLU.
 *
 * <p>See Dugas et al., <a
 * href="https://papers.nips.cc/paper/1920-incorporating-second-order-functional-knowledge-for-better-option-pricing">Incorporating
 * Second-Order Functional Knowledge for Better Option Pricing</a> (2000), and Glorot et al. (2011).
 * Use it where a positive output must be smooth, such as a scale or rate; in hidden layers
 * {@link Relu} is cheaper and usually as good. Derivative {@code σ'(z) = 1 / (1 + e^(−z))}, the
 * logistic sigmoid.
 */
public final class Softplus implements Activation {

  /**
   * {@code ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|))}: the exponential never exceeds 1, so it
   * cannot overflow at {@code z = 1000}, and {@code log1p} keeps {@code e^(−|z|)} exact when tiny.
   */
  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      a[i] = Math.max(z[i], 0.0) + Math.log1p(Math.exp(-Math.abs(z[i])));
    }
  }

  /** {@code σ'(z) = 1 / (1 + e^(−z))}, which saturates to 0 or 1 without NaN. */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      gradient[i] *= 1.0 / (1.0 + Math.exp(-z[i]));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Softplus;
  }

  @Override
  public int hashCode() {
    return Softplus.class.hashCode();
  }

  @Override
  public String toString() {
    return "softplus";
  }
}
