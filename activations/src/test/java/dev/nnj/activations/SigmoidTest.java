package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SigmoidTest {

  private final Sigmoid sigmoid = new Sigmoid();

  private double[] apply(double... z) {
    double[] a = new double[z.length];
    sigmoid.apply(z, a, 1, z.length);
    return a;
  }

  @Test
  void apply_isOneHalfAtZero() {
    assertThat(apply(0.0)).containsExactly(0.5);
  }

  @Test
  void apply_matchesHandValues() {
    // σ(ln 3) = 1 / (1 + 1/3) = 0.75 and σ(−ln 3) = 0.25; a few ulps of exp and log.
    assertThat(apply(Math.log(3.0), -Math.log(3.0)))
        .containsExactly(new double[] {0.75, 0.25}, within(1e-15));
  }

  @Test
  void apply_saturatesWithoutNaN() {
    double[] a = apply(-1000.0, -50.0, 50.0, 1000.0);

    // e^1000 overflows to +∞ and 1 / (1 + ∞) = 0; e^−1000 underflows to 0 and 1 / 1 = 1.
    assertThat(a).doesNotContain(Double.NaN);
    assertThat(a[0]).isEqualTo(0.0);
    assertThat(a[1]).isStrictlyBetween(0.0, 1e-20);
    assertThat(a[2]).isEqualTo(1.0);
    assertThat(a[3]).isEqualTo(1.0);
  }

  @Test
  void apply_isAntisymmetricAboutOneHalf() {
    for (double z = -10.0; z <= 10.0; z += 0.25) {
      double[] a = apply(z, -z);
      // σ(−z) = 1 − σ(z); each side is a few ulps of 1 from exp, division and subtraction.
      assertThat(a[1]).as("σ(−%s)", z).isCloseTo(1.0 - a[0], within(1e-15));
    }
  }

  @Test
  void derivative_matchesCentralDifference() {
    double h = 1e-5;
    int n = 161;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = -8.0 + 0.1 * i;
    }
    double[] a = new double[n];
    sigmoid.apply(z, a, 1, n);
    double[] gradient = new double[n];
    Arrays.fill(gradient, 1.0);

    sigmoid.derivative(z, a, gradient, 1, n);

    for (int i = 0; i < n; i++) {
      double centralDifference = (apply(z[i] + h)[0] - apply(z[i] - h)[0]) / (2 * h);
      // Truncation error (h²/6)·|σ'''| ≤ 1e-10·0.125/6 ≈ 2e-12, rounding ≈ ε/h ≈ 1e-16/1e-5 = 1e-11:
      // 1e-9 absolute is safe, and far below σ' (≥ 3e-4 on [−8, 8]) so a wrong formula fails.
      assertThat(gradient[i]).as("σ'(%s)", z[i]).isCloseTo(centralDifference, within(1e-9));
    }
  }

  @Test
  void derivative_isOneQuarterAtZero() {
    double[] gradient = {1.0};
    sigmoid.derivative(new double[] {0.0}, new double[] {0.5}, gradient, 1, 1);
    assertThat(gradient).containsExactly(0.25);
  }

  @Test
  void derivative_multipliesIncomingGradient() {
    double[] z = {0.0, 0.0, Math.log(3.0)};
    double[] a = {0.5, 0.5, 0.75};
    double[] gradient = {2.0, -4.0, 16.0};

    sigmoid.derivative(z, a, gradient, 1, 3);

    // σ'(0) = 0.25, σ'(ln 3) = 0.75·0.25 = 0.1875; all products are exact in binary.
    assertThat(gradient).containsExactly(0.5, -1.0, 3.0);
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 7.0, 7.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 9.0};

    sigmoid.apply(z, a, 2, 3);

    assertThat(a).containsExactly(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 9.0, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double[] z = new double[8];
    double[] a = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    double[] gradient = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 7.0, 7.0};

    sigmoid.derivative(z, a, gradient, 3, 2);

    assertThat(gradient).containsExactly(0.25, 0.25, 0.25, 0.25, 0.25, 0.25, 7.0, 7.0);
  }

  @Test
  void apply_worksInPlace() {
    double[] za = {0.0, Math.log(3.0), -Math.log(3.0), 1000.0};

    sigmoid.apply(za, za, 2, 2);

    assertThat(za).containsExactly(new double[] {0.5, 0.75, 0.25, 1.0}, within(1e-15));
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Sigmoid()).isEqualTo(new Sigmoid()).hasSameHashCodeAs(new Sigmoid());
    assertThat(new Sigmoid()).isNotEqualTo(null).isNotEqualTo("sigmoid");
    assertThat(new Sigmoid()).hasToString("sigmoid");
  }
}
