package org.example.swish;

import dev.nnj.activations.Activation;

/** Swish, z·sigmoid(z) (Ramachandran et al., 2017): a consumer's own activation. */
public final class Swish implements Activation {
  @Override public void apply(double[] z, double[] a, int rows, int cols) {
    for (int i = 0; i < rows * cols; i++) {
      a[i] = z[i] / (1 + Math.exp(-z[i]));
    }
  }

  @Override public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
    for (int i = 0; i < rows * cols; i++) {
      double s = 1 / (1 + Math.exp(-z[i]));
      gradient[i] *= s + z[i] * s * (1 - s);
    }
  }

  @Override public boolean equals(Object other) {
    return other instanceof Swish;
  }

  @Override public int hashCode() {
    return Swish.class.hashCode();
  }
}
