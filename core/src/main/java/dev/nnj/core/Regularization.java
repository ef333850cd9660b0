package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A penalty on large weights, added to the cost: {@code C = C₀ + (λ/n) R(w)} with {@code n} the
 * size of the training set (Nielsen, chapter 3). Biases are not regularised.
 *
 * <p>It enters training as a term added to each mini-batch's summed weight gradient, so it works
 * with every optimizer; with plain SGD it is exactly the book's update, e.g. for L2
 * {@code w ← (1 − ηλ/n) w − (η/m) Σ ∂C₀/∂w}. Implementations are immutable values; add your own
 * with {@link CoreModule#regularizationBinder}. In JSON: {@code {"type": "l2", "lambda": 5.0}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Regularization {

  /**
   * Adds {@code m · (λ/n) ∂R/∂w} to the summed gradient of one weight row.
   *
   * @param batchSize {@code m}, the examples the gradient was summed over
   * @param trainingSize {@code n}, the size of the training set
   */
  void addGradient(double[] weights, double[] gradient, int batchSize, int trainingSize);

  /** {@code λ R(w)} for one weight row, for reporting the regularised cost. */
  double penalty(double[] weights);

  /** Refuses a negative or infinite λ; returns it. */
  static double checkLambda(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be >= 0 and finite: " + lambda);
    }
    return lambda;
  }
}
