package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityTest {

  private final Identity identity = new Identity();

  @Test
  void apply_copiesInput() {
    double[] a = new double[4];
    identity.apply(new double[] {-2.0, 0.0, 3.5, 1e300}, a, 1, 4);
    assertThat(a).containsExactly(-2.0, 0.0, 3.5, 1e300);
  }

  @Test
  void apply_worksInPlace() {
    double[] za = {-2.0, 0.0, 3.5, 7.0};
    identity.apply(za, za, 2, 2);
    assertThat(za).containsExactly(-2.0, 0.0, 3.5, 7.0);
  }

  @Test
  void derivative_leavesGradientUnchanged() {
    double[] gradient = {2.0, -4.0, 0.5};
    identity.derivative(new double[] {-1.0, 0.0, 9.0}, new double[] {-1.0, 0.0, 9.0}, gradient, 1, 3);
    assertThat(gradient).containsExactly(2.0, -4.0, 0.5);
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 7.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0};

    identity.apply(z, a, 2, 3);

    assertThat(a).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0, 9.0);
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Identity()).isEqualTo(new Identity()).hasSameHashCodeAs(new Identity());
    assertThat(new Identity()).isNotEqualTo(null).isNotEqualTo(new Sigmoid());
    assertThat(new Identity()).hasToString("identity");
  }
}
