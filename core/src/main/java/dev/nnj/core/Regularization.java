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

  /**
   * {@link #addGradient(double[], double[], int, int)} for a network in single precision: the
   * term computed in double and the sum rounded to float. The default does exactly that through
   * double copies of the row; a built-in overrides it with the same arithmetic and no copies.
   */
  default void addGradient(float[] weights, float[] gradient, int batchSize, int trainingSize) {
    double[] widened = widen(gradient);
    addGradient(widen(weights), widened, batchSize, trainingSize);
    for (int j = 0; j < gradient.length; j++) {
      gradient[j] = (float) widened[j];
    }
  }

  /** {@link #penalty(double[])} of a row in single precision, its values widened. */
  default double penalty(float[] weights) {
    return penalty(widen(weights));
  }

  /** The row in double (exactly). */
  private static double[] widen(float[] row) {
    double[] widened = new double[row.length];
    for (int j = 0; j < row.length; j++) {
      widened[j] = row[j];
    }
    return widened;
  }

  /** Refuses a negative or infinite λ; returns it. */
  static double checkLambda(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be >= 0 and finite: " + lambda);
    }
    return lambda;
  }
}
