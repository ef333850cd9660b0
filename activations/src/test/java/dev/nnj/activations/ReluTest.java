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
  void step_isTheComparisonZGreaterThanZero_atEveryKindOfDouble() {
    double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, Double.longBitsToDouble(0xfff8000000000001L),
        Double.longBitsToDouble(0x7ff0000000000001L), 1.0, -1.0};
    for (double z : special) {
      assertThat(Relu.step(z)).as("z = %s (bits %x)", z, Double.doubleToRawLongBits(z))
          .isEqualTo(z > 0.0 ? 1.0 : 0.0);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      double z = Double.longBitsToDouble(random.nextLong()); // every exponent, sign and NaN
      assertThat(Double.doubleToRawLongBits(Relu.step(z)))
          .isEqualTo(Double.doubleToRawLongBits(z > 0.0 ? 1.0 : 0.0));
    }
  }

  @Test
  void derivative_keepsTheSignOfAZeroedGradientAndTurnsInfinityIntoNaN() {
    double[] gradient = {-5.0, Double.POSITIVE_INFINITY, -2.0};
    relu.derivative(new double[] {-1.0, -1.0, 2.0}, new double[3], gradient, 1, 3);
    // As g · 0.0 always gave: −0.0 for a negative g, NaN for an infinite one.
    assertThat(Double.doubleToRawLongBits(gradient[0])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(gradient[1]).isNaN();
    assertThat(gradient[2]).isEqualTo(-2.0);
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
