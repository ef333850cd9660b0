package dev.nnj.costs;

import java.util.Optional;

/**
 * The cross-entropy cost of Nielsen's chapter 3
 * (<a href="http://neuralnetworksanddeeplearning.com/chap3.html#the_cross-entropy_cost_function">the
 * cross-entropy cost function</a>): {@code C_x = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]},
 * summed over the rows, with {@code y_j ∈ [0, 1]}.
 *
 * <p>Use it with sigmoid outputs, the pairing it is written for: {@code ∂C_x/∂a_j =
 * (a_j − y_j) / (a_j(1 − a_j))} cancels {@code σ'(z_j) = a_j(1 − a_j)}, so {@link #outputError}
 * writes the whole output error {@code δ^L = a − y}. Without the {@code σ'} factor a saturated,
 * wrong neuron still learns fast: the point of chapter 3. The network refuses other activations.
 *
 * <p>A sigmoid can round to exactly 0 or 1, so {@link #cost} clamps {@code a} into
 * {@code [Double.MIN_NORMAL, 1 − 2⁻⁵³]} (smallest positive normal, largest double below 1) before
 * the logs, which leaves values inside that range unchanged: a term then costs at most
 * {@code 1022 ln 2 ≈ 708} or {@code 53 ln 2 ≈ 37} per unit of target, never {@code ∞}, and a zero
 * weight gives 0, not {@code 0 · ∞ = NaN}. {@code ln(1 − a)} is {@code Math.log1p(−a)}, accurate
 * for small {@code a}, where {@code 1 − a} would round to 1.
 */
public final class CrossEntropy implements Cost {

  private static final double SMALLEST = Double.MIN_NORMAL;
  private static final double LARGEST = Math.nextDown(1.0);

  @Override
  public double cost(double[] a, double[] y, int rows, int cols) {
    double sum = 0.0;
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      double output = Math.min(Math.max(a[i], SMALLEST), LARGEST);
      sum -= y[i] * Math.log(output) + (1.0 - y[i]) * Math.log1p(-output);
    }
    return sum;
  }

  /** Writes {@code δ^L = a − y}, the output error for sigmoid outputs (no {@code σ'} factor). */
  @Override
  public void outputError(double[] a, double[] y, double[] error, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      error[i] = a[i] - y[i];
    }
  }

  /** {@code "dev.nnj.activations.Sigmoid"}. */
  @Override
  public Optional<String> pairedActivation() {
    return Optional.of("dev.nnj.activations.Sigmoid");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CrossEntropy;
  }

  @Override
  public int hashCode() {
    return CrossEntropy.class.hashCode();
  }

  @Override
  public String toString() {
    return "cross-entropy";
  }
}
