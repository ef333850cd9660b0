package dev.nnj.activations;

/**
 * The identity {@code σ(z) = z}: a linear neuron.
 *
 * <p>No paper: it is what a neuron is without an activation. Use it in the output layer for
 * regression, where the outputs are unbounded real numbers and the quadratic cost's error
 * {@code a − y} needs no {@code σ'} factor; a network of identity layers only is a single linear map.
 * Derivative {@code σ'(z) = 1}.
 */
public final class Identity implements Activation {

  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    if (a != z) {
      System.arraycopy(z, 0, a, 0, rows * cols);
    }
  }

  /** {@code σ'(z) = 1}: the gradient passes through unchanged. */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {}

  @Override
  public boolean equals(Object other) {
    return other instanceof Identity;
  }

  @Override
  public int hashCode() {
    return Identity.class.hashCode();
  }

  @Override
  public String toString() {
    return "identity";
  }
}
