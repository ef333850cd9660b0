package dev.nnj.activations;

/**
 * The softmax {@code a_k = e^(z_k) / Σ_j e^(z_j)}, taken over each row: the row's activations are
 * positive and sum to 1, a probability distribution over the layer's neurons.
 *
 * <p>See Bridle, Probabilistic Interpretation of Feedforward Classification Network Outputs (1990),
 * and Nielsen, chapter 3, <a
 * href="http://neuralnetworksanddeeplearning.com/chap3.html#softmax">softmax</a>. It is meant as the
 * output layer of a classifier with the log-likelihood cost {@code C = −ln a_y}, whose output error
 * {@code δ = a − y} already includes this derivative and bypasses it.
 * Derivative, as a vector–Jacobian product: {@code g_k ← a_k (g_k − Σ_j a_j g_j)}.
 */
public final class Softmax implements Activation {

  /**
   * Subtracts the row's maximum before exponentiating: the result is unchanged, the largest
   * exponent is {@code e^0 = 1}, so nothing overflows and the sum is at least 1.
   */
  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    for (int row = 0; row < rows; row++) {
      int start = row * cols;
      int end = start + cols;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = start; i < end; i++) {
        max = Math.max(max, z[i]);
      }
      double sum = 0.0;
      for (int i = start; i < end; i++) {
        a[i] = Math.exp(z[i] - max);
        sum += a[i];
      }
      for (int i = start; i < end; i++) {
        a[i] /= sum;
      }
    }
  }

  /**
   * {@code ∂a_j/∂z_k = a_j (δ_jk − a_k)}, so {@code ((∂a/∂z)ᵀ g)_k = a_k (g_k − Σ_j a_j g_j)}: one
   * dot product per row instead of a {@code cols × cols} Jacobian.
   */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    for (int row = 0; row < rows; row++) {
      int start = row * cols;
      int end = start + cols;
      double dot = 0.0;
      for (int j = start; j < end; j++) {
        dot += a[j] * gradient[j];
      }
      for (int k = start; k < end; k++) {
        gradient[k] = a[k] * (gradient[k] - dot);
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Softmax;
  }

  @Override
  public int hashCode() {
    return Softmax.class.hashCode();
  }

  @Override
  public String toString() {
    return "softmax";
  }
}
