package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftplusTest {

  private final Softplus softplus = new Softplus();

  private double[] apply(double... z) {
    double[] a = new double[z.length];
    softplus.apply(z, a, 1, z.length);
    return a;
  }

  @Test
  void apply_isLnTwoAtZero() {
    assertThat(apply(0.0)).containsExactly(new double[] {Math.log(2.0)}, within(1e-16));
  }

  @Test
  void apply_matchesHandValues() {
    // ln(1 + 3) = ln 4 and ln(1 + 1/3) = ln(4/3); a few ulps of log, exp and log1p.
    assertThat(apply(Math.log(3.0), -Math.log(3.0)))
        .containsExactly(new double[] {Math.log(4.0), Math.log(4.0 / 3.0)}, within(1e-15));
  }

  @Test
  void apply_largeMagnitudesNeitherOverflowNorLoseTheTail() {
    double[] a = apply(1000.0, -1000.0, -50.0);

    // Naively ln(1 + e^1000) = ln(∞) = ∞; here 1000 + log1p(e^−1000) = 1000 + 0.
    assertThat(a[0]).isEqualTo(1000.0);
    // e^−1000 ≈ 5e−435 underflows to 0: the right answer to double precision, and not NaN.
    assertThat(a[1]).isEqualTo(0.0);
    // ln(1 + x) ≈ x for tiny x; naively 1 + e^−50 rounds to 1 and gives 0. Relative: a few ulps.
    assertThat(a[2] / Math.exp(-50.0)).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void derivative_isSigmoid() {
    // σ(0) = 1/2, σ(ln 3) = 3/4, σ(−ln 3) = 1/4; a few ulps of exp and log.
    double[] z = {0.0, Math.log(3.0), -Math.log(3.0)};
    double[] gradient = {4.0, 4.0, 4.0};

    softplus.derivative(z, apply(z), gradient, 1, 3);

    assertThat(gradient).containsExactly(new double[] {2.0, 3.0, 1.0}, within(1e-15));
  }

  @Test
  void derivative_saturatesWithoutNaN() {
    double[] z = {-1000.0, 1000.0};
    double[] gradient = {5.0, 5.0};

    softplus.derivative(z, apply(z), gradient, 1, 2);

    assertThat(gradient).containsExactly(0.0, 5.0);
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {1000.0, 1000.0, 1000.0, 1000.0, 1000.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0};

    softplus.apply(z, a, 2, 2);

    assertThat(a).containsExactly(1000.0, 1000.0, 1000.0, 1000.0, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double[] gradient = {4.0, 4.0, 4.0, 4.0, 4.0};

    softplus.derivative(new double[5], new double[5], gradient, 2, 2);

    assertThat(gradient).containsExactly(2.0, 2.0, 2.0, 2.0, 4.0);
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Softplus()).isEqualTo(new Softplus()).hasSameHashCodeAs(new Softplus());
    assertThat(new Softplus()).isNotEqualTo(null).isNotEqualTo(new Relu());
    assertThat(new Softplus()).hasToString("softplus");
  }
}
