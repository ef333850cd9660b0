package dev.nnj.costs;

/**
 * The quadratic cost (mean squared error) of Nielsen's chapter 1:
 * {@code C_x = ½ ‖y − a‖²}, with gradient {@code ∂C_x/∂a = a − y}.
 *
 * <p>Works with any output activation, since it leaves the activation's derivative to the
 * network; with sigmoid outputs that derivative slows learning when the neurons saturate, which is
 * why chapter 3 introduces the cross-entropy cost.
 */
public final class Quadratic implements Cost {

  @Override
  public double cost(double[] a, double[] y, int rows, int cols) {
    double sum = 0.0;
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      double difference = y[i] - a[i];
      sum += difference * difference;
    }
    return 0.5 * sum;
  }

  @Override
  public void outputError(double[] a, double[] y, double[] error, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      error[i] = a[i] - y[i];
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Quadratic;
  }

  @Override
  public int hashCode() {
    return Quadratic.class.hashCode();
  }

  @Override
  public String toString() {
    return "quadratic";
  }
}
