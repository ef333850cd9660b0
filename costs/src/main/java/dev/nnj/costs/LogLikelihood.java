package dev.nnj.costs;

import java.util.Optional;

/**
 * The log-likelihood cost (categorical cross-entropy) of Nielsen's chapter 3
 * (<a href="http://neuralnetworksanddeeplearning.com/chap3.html#softmax">softmax</a>):
 * {@code C_x = −Σ_j y_j ln a_j}, summed over the rows; for a one-hot target it is
 * {@code −ln a_label}, the negative log of the probability given to the right class.
 *
 * <p>Use it with softmax outputs for classification into mutually exclusive classes, the pairing
 * it is written for: then {@code ∂C_x/∂z_k = a_k Σ_j y_j − y_k}, so for targets whose row sums to 1
 * (one-hot, or a probability distribution) {@link #outputError} writes the whole output error
 * {@code δ^L = a − y}, without the softmax Jacobian and without dividing by a probability. The network refuses any other output activation.
 *
 * <p>A softmax output can underflow to exactly {@code 0}, so {@link #cost} clamps {@code a} from
 * below at {@code Double.MIN_NORMAL}: a confidently wrong example then costs at most
 * {@code ln(2¹⁰²²) ≈ 708} per unit of target rather than {@code ∞}, and a zero target times a
 * zero output contributes {@code 0}, not {@code 0 · ∞ = NaN}. Values above the smallest normal
 * are not changed.
 */
public final class LogLikelihood implements Cost {

  @Override
  public double cost(double[] a, double[] y, int rows, int cols) {
    double sum = 0.0;
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      sum -= y[i] * Math.log(Math.max(a[i], Double.MIN_NORMAL));
    }
    return sum;
  }

  /** Writes {@code δ^L = a − y}, the output error for softmax outputs and targets summing to 1. */
  @Override
  public void outputError(double[] a, double[] y, double[] error, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      error[i] = a[i] - y[i];
    }
  }

  /** {@code "dev.nnj.activations.Softmax"}. */
  @Override
  public Optional<String> pairedActivation() {
    return Optional.of("dev.nnj.activations.Softmax");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogLikelihood;
  }

  @Override
  public int hashCode() {
    return LogLikelihood.class.hashCode();
  }

  @Override
  public String toString() {
    return "log-likelihood";
  }
}
