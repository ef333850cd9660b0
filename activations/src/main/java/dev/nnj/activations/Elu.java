package dev.nnj.activations;

/**
 * The exponential linear unit {@code σ(z) = z if z > 0, else α(e^z − 1)}.
 *
 * <p>See Clevert, Unterthiner and Hochreiter, <a href="https://arxiv.org/abs/1511.07289">Fast and
 * Accurate Deep Network Learning by Exponential Linear Units (ELUs)</a> (2015). Use it in hidden
 * layers as a smooth alternative to {@link Relu}: negative outputs down to {@code −α} pull mean
 * activations towards zero, and no neuron dies. With {@code α = 1} it is differentiable at 0.
 * Derivative {@code σ'(z) = 1 if z > 0, else αe^z = a + α}.
 *
 * @param alpha the value {@code −α} that {@code σ} approaches as {@code z → −∞}; > 0
 */
public record Elu(double alpha) implements Activation {

  public Elu {
    if (!(alpha > 0.0 && Double.isFinite(alpha))) {
      throw new IllegalArgumentException("alpha must be > 0 and finite: " + alpha);
    }
  }

  /** The paper's alpha, 1.0. */
  public Elu() {
    this(1.0);
  }

  /** {@code e^z − 1} by {@code expm1}, which stays accurate near {@code z = 0} where it cancels. */
  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      a[i] = z[i] > 0.0 ? z[i] : alpha * Math.expm1(z[i]);
    }
  }

  /** {@code σ'(z) = 1 if z > 0, else a + α}: no second exponential. */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      gradient[i] *= z[i] > 0.0 ? 1.0 : a[i] + alpha;
    }
  }

  @Override
  public String toString() {
    return "elu(" + alpha + ")";
  }
}
