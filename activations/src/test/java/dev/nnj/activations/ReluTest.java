package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReluTest {

  private final Relu relu = new Relu();

  @Test
  void apply_clampsNegativesToZero() {
    double[] a = new double[5];
    relu.apply(new double[] {-2.0, -0.5, 0.0, 0.5, 3.0}, a, 1, 5);
    assertThat(a).containsExactly(0.0, 0.0, 0.0, 0.5, 3.0);
  }

  @Test
  void derivative_isOneForPositiveAndZeroAtAndBelowZero() {
    double[] z = {-2.0, 0.0, 1e-300, 3.0};
    double[] a = {0.0, 0.0, 1e-300, 3.0};
    double[] gradient = {5.0, 5.0, 5.0, 5.0};

    relu.derivative(z, a, gradient, 1, 4);

    assertThat(gradient).containsExactly(0.0, 0.0, 5.0, 5.0);
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {-1.0, 2.0, -3.0, 4.0, -5.0, 6.0, 7.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0};

    relu.apply(z, a, 3, 2);

    assertThat(a).containsExactly(0.0, 2.0, 0.0, 4.0, 0.0, 6.0, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double[] z = {-1.0, 2.0, -3.0, 4.0, -5.0};
    double[] gradient = {7.0, 7.0, 7.0, 7.0, 7.0};

    relu.derivative(z, new double[5], gradient, 2, 2);

    assertThat(gradient).containsExactly(0.0, 7.0, 0.0, 7.0, 7.0);
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Relu()).isEqualTo(new Relu()).hasSameHashCodeAs(new Relu());
    assertThat(new Relu()).isNotEqualTo(null).isNotEqualTo(new LeakyRelu(0.0));
    assertThat(new Relu()).hasToString("relu");
  }
}
