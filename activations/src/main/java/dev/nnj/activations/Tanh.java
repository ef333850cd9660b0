package dev.nnj.activations;

/**
 * The hyperbolic tangent {@code σ(z) = tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))}, a sigmoid
 * rescaled to (−1, 1): {@code tanh(z) = 2·sigmoid(2z) − 1}.
 *
 * <p>See Nielsen, chapter 3, <a
 * href="http://neuralnetworksanddeeplearning.com/chap3.html#other_models_of_artificial_neuron">other
 * models of artificial neuron</a>, and LeCun et al., <a
 * href="http://yann.lecun.com/exdb/publis/pdf/lecun-98b.pdf">Efficient BackProp</a> (1998). Use it
 * in hidden layers where the sigmoid would do: its outputs are centred on zero, so the next layer's
 * weights are not all pushed the same way. It saturates like the sigmoid. Derivative
 * {@code σ'(z) = 1 − tanh²(z) = 1 − a²}.
 */
public final class Tanh implements Activation {

  @Override
  public void apply(double[] z, double[] a, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      a[i] = Math.tanh(z[i]);
    }
  }

  /** {@code σ'(z) = 1 − a²}: no second tanh. */
  @Override
  public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      gradient[i] *= 1.0 - a[i] * a[i];
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tanh;
  }

  @Override
  public int hashCode() {
    return Tanh.class.hashCode();
  }

  @Override
  public String toString() {
    return "tanh";
  }
}
