package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

  private final Softmax softmax = new Softmax();

  private double[] apply(int rows, int cols, double... z) {
    double[] a = new double[z.length];
    softmax.apply(z, a, rows, cols);
    return a;
  }

  @Test
  void apply_ofOneTwoThreeMatchesHandValues() {
    // e^k / (e + e² + e³) for k = 1, 2, 3, i.e. 1 / (1 + e + e²), e / (…), e² / (…); values ≤ 1
    // from a few exps and one division: a few ulps.
    double e = Math.E;
    double sum = 1.0 + e + e * e;
    assertThat(apply(1, 3, 1.0, 2.0, 3.0))
        .containsExactly(new double[] {1.0 / sum, e / sum, e * e / sum}, within(1e-15))
        .containsExactly(
            new double[] {0.09003057317038046, 0.24472847105479767, 0.6652409557748219},
            within(1e-15));
  }

  @Test
  void apply_normalisesEachRowSeparately() {
    // Row 0: equal inputs, 1/2 each. Row 1: e^(ln 3) = 3, so 1/4 and 3/4.
    assertThat(apply(2, 2, 0.0, 0.0, 0.0, Math.log(3.0)))
        .containsExactly(new double[] {0.5, 0.5, 0.25, 0.75}, within(1e-15));
  }

  @Test
  void apply_rowsSumToOne() {
    Random random = new Random(7);
    int rows = 4;
    int cols = 6;
    double[] z = new double[rows * cols];
    for (int i = 0; i < z.length; i++) {
      z[i] = -10.0 + 20.0 * random.nextDouble();
    }

    double[] a = apply(rows, cols, z);

    for (int row = 0; row < rows; row++) {
      double sum = 0.0;
      for (int col = 0; col < cols; col++) {
        assertThat(a[row * cols + col]).isPositive();
        sum += a[row * cols + col];
      }
      // Six quotients of one rounded sum, added again: about 6 ulps of 1.
      assertThat(sum).as("row %d", row).isCloseTo(1.0, within(1e-14));
    }
  }

  @Test
  void apply_largeInputsGiveNoNaN() {
    // Naively e^1000 = ∞ and ∞/∞ = NaN; after subtracting the row max it is e^0 / (e^0 + e^0).
    assertThat(apply(1, 2, 1000.0, 1000.0)).containsExactly(0.5, 0.5);
    assertThat(apply(1, 2, -1000.0, -1000.0)).containsExactly(0.5, 0.5);
    assertThat(apply(1, 2, 1000.0, 0.0)).containsExactly(1.0, 0.0);
  }

  @Test
  void apply_worksInPlace() {
    double[] za = {0.0, 0.0, 0.0, Math.log(3.0)};

    softmax.apply(za, za, 2, 2);

    assertThat(za).containsExactly(new double[] {0.5, 0.5, 0.25, 0.75}, within(1e-15));
  }

  @Test
  void derivative_isJacobianTransposedTimesGradient() {
    // ∂a_0/∂z_0 = a_0(1 − a_0) = 3/16 and ∂a_0/∂z_1 = −a_0 a_1 = −3/16: g = e_0 picks out
    // the first row of the Jacobian. All values exact in binary.
    double[] a = {0.25, 0.75};
    double[] gradient = {1.0, 0.0};

    softmax.derivative(new double[] {0.0, Math.log(3.0)}, a, gradient, 1, 2);

    assertThat(gradient).containsExactly(0.1875, -0.1875);
  }

  @Test
  void derivative_ofConstantGradientIsZero() {
    // Adding c to every z changes no a, so a gradient c·(1, …, 1) must vanish. Since Σ a = 1 up
    // to a few ulps, each entry is a_k·c·(1 − Σ a) ≈ 3·1e-15.
    double[] z = {1.0, 2.0, 3.0};
    double[] gradient = {3.0, 3.0, 3.0};

    softmax.derivative(z, apply(1, 3, z), gradient, 1, 3);

    assertThat(gradient).containsExactly(new double[] {0.0, 0.0, 0.0}, within(1e-14));
  }

  @Test
  void derivative_withLogLikelihoodGradientGivesAMinusY() {
    // C = −ln a_y has ∂C/∂a = −1/a_y at y and 0 elsewhere; the product is δ = a − y, the error
    // that the log-likelihood cost uses directly. Values ≤ 1, a few roundings: 1e-15.
    double[] a = apply(1, 3, 1.0, 2.0, 3.0);
    double[] gradient = {-1.0 / a[0], 0.0, 0.0};

    softmax.derivative(new double[] {1.0, 2.0, 3.0}, a, gradient, 1, 3);

    assertThat(gradient).containsExactly(new double[] {a[0] - 1.0, a[1], a[2]}, within(1e-15));
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {0.0, 0.0, 0.0, 0.0, 0.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0};

    softmax.apply(z, a, 2, 2);

    assertThat(a).containsExactly(0.5, 0.5, 0.5, 0.5, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double[] a = {0.25, 0.75, 0.25, 0.75, 0.25};
    double[] gradient = {1.0, 0.0, 1.0, 0.0, 1.0};

    double ln3 = Math.log(3.0);

    softmax.derivative(new double[] {0.0, ln3, 0.0, ln3, 0.0}, a, gradient, 2, 2);

    assertThat(gradient).containsExactly(0.1875, -0.1875, 0.1875, -0.1875, 1.0);
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Softmax()).isEqualTo(new Softmax()).hasSameHashCodeAs(new Softmax());
    assertThat(new Softmax()).isNotEqualTo(null).isNotEqualTo(new Sigmoid());
    assertThat(new Softmax()).hasToString("softmax");
  }
}
