package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuadraticTest {

  private final Quadratic quadratic = new Quadratic();

  @Test
  void cost_matchesHandValue() {
    // ½·((0 − 0.2)² + (1 − 0.9)²) = ½·(0.04 + 0.01) = 0.025; decimal inputs round, so a few ulps.
    assertThat(quadratic.cost(new double[] {0.2, 0.9}, new double[] {0.0, 1.0}, 1, 2))
        .isCloseTo(0.025, within(1e-15));
  }

  @Test
  void cost_isZeroWhenOutputsEqualTargets() {
    double[] y = {0.0, 1.0, 0.0, 0.0, 0.0, 1.0};
    assertThat(quadratic.cost(y.clone(), y, 2, 3)).isZero();
  }

  @Test
  void cost_isExactForBinaryFractions() {
    // ½·(0.5² + 0.25² + 1²) = ½·(0.25 + 0.0625 + 1) = 0.65625, exact in binary.
    assertThat(quadratic.cost(new double[] {0.5, 0.25, -1.0}, new double[] {0.0, 0.5, 0.0}, 1, 3))
        .isEqualTo(0.65625);
  }

  @Test
  void cost_isSummedOverRowsNotAveraged() {
    double[] oneA = {0.2, 0.9};
    double[] oneY = {0.0, 1.0};
    double[] twoA = {0.2, 0.9, 0.2, 0.9};
    double[] twoY = {0.0, 1.0, 0.0, 1.0};

    double one = quadratic.cost(oneA, oneY, 1, 2);
    double two = quadratic.cost(twoA, twoY, 2, 2);

    // Doubling is exact in binary, and the sum of identical rows is accumulated in the same order.
    assertThat(two).isCloseTo(2 * one, within(1e-15));
    assertThat(two).isCloseTo(0.05, within(1e-15));
  }

  @Test
  void outputError_isOutputsMinusTargets() {
    double[] error = new double[4];

    quadratic.outputError(
        new double[] {0.5, 0.25, 1.0, -2.0}, new double[] {0.0, 1.0, 1.0, 0.0}, error, 2, 2);

    assertThat(error).containsExactly(0.5, -0.75, 0.0, -2.0);
  }

  @Test
  void outputError_matchesCentralDifferenceOfCost() {
    Random random = new Random(7);
    int rows = 3;
    int cols = 4;
    int n = rows * cols;
    double[] a = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextDouble();
      y[i] = random.nextDouble();
    }
    double[] error = new double[n];

    quadratic.outputError(a, y, error, rows, cols);

    double h = 1e-5;
    for (int k = 0; k < n; k++) {
      double[] plus = a.clone();
      double[] minus = a.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (quadratic.cost(plus, y, rows, cols) - quadratic.cost(minus, y, rows, cols)) / (2 * h);
      // The cost is quadratic, so central differences have no truncation error; rounding of a sum
      // of size ≈ 1 gives ≈ ε/h ≈ 1e-16/1e-5 = 1e-11. 1e-9 absolute is safe.
      assertThat(error[k]).as("∂C/∂a[%d]", k).isCloseTo(centralDifference, within(1e-9));
    }
  }

  @Test
  void cost_usesOnlyFirstRowsTimesCols() {
    // The tail would add ½·(100² + 100²) if it were read.
    double[] a = {0.2, 0.9, 100.0, 100.0};
    double[] y = {0.0, 1.0, 0.0, 0.0};

    assertThat(quadratic.cost(a, y, 1, 2)).isCloseTo(0.025, within(1e-15));
  }

  @Test
  void outputError_touchesOnlyFirstRowsTimesCols() {
    double[] a = {0.5, 0.5, 0.5, 0.5, 9.0, 9.0};
    double[] y = {0.0, 1.0, 0.0, 1.0, 0.0, 0.0};
    double[] error = {7.0, 7.0, 7.0, 7.0, 7.0, 7.0};

    quadratic.outputError(a, y, error, 2, 2);

    assertThat(error).containsExactly(0.5, -0.5, 0.5, -0.5, 7.0, 7.0);
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new Quadratic()).isEqualTo(new Quadratic()).hasSameHashCodeAs(new Quadratic());
    assertThat(new Quadratic()).isNotEqualTo(null).isNotEqualTo("quadratic");
    assertThat(new Quadratic()).hasToString("quadratic");
  }
}
