package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TanhTest {

  private final Tanh tanh = new Tanh();

  private double[] apply(double... z) {
    double[] a = new double[z.length];
    tanh.apply(z, a, 1, z.length);
    return a;
  }

  @Test
  void apply_isZeroAtZero() {
    assertThat(apply(0.0)).containsExactly(0.0);
  }

  @Test
  void apply_matchesHandValues() {
    // tanh(ln 2) = (2 − 1/2) / (2 + 1/2) = 0.6, and tanh is odd; a few ulps of log and tanh.
    assertThat(apply(Math.log(2.0), -Math.log(2.0)))
        .containsExactly(new double[] {0.6, -0.6}, within(1e-15));
  }

  @Test
  void apply_saturatesWithoutNaN() {
    assertThat(apply(-1000.0, 1000.0)).containsExactly(-1.0, 1.0);
  }

  @Test
  void derivative_isOneMinusASquared() {
    // tanh'(0) = 1; at a = 0.5 (z = atanh 0.5), 1 − a² = 0.75. Products exact in binary.
    double[] z = {0.0, 0.5 * Math.log(3.0)};
    double[] a = {0.0, 0.5};
    double[] gradient = {3.0, 4.0};

    tanh.derivative(z, a, gradient, 1, 2);

    assertThat(gradient).containsExactly(3.0, 3.0);
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {0.0, 0.0, 0.0, 0.0, 7.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0};

    tanh.apply(z, a, 2, 2);

    assertThat(a).containsExactly(0.0, 0.0, 0.0, 0.0, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double[] a = {0.5, 0.5, 0.5, 0.5, 0.5};
    double[] gradient = {4.0, 4.0, 4.0, 4.0, 4.0};

    tanh.derivative(new double[5], a, gradient, 2, 2);

    assertThat(gradient).containsExactly(3.0, 3.0, 3.0, 3.0, 4.0);
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Tanh()).isEqualTo(new Tanh()).hasSameHashCodeAs(new Tanh());
    assertThat(new Tanh()).isNotEqualTo(null).isNotEqualTo(new Sigmoid());
    assertThat(new Tanh()).hasToString("tanh");
  }
}
