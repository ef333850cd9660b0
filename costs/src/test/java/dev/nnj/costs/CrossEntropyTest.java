package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {

  private static final double LN_2 = Math.log(2.0);

  private final CrossEntropy crossEntropy = new CrossEntropy();

  @Test
  void cost_isLnTwoForOneHalfWhateverTheTarget() {
    // −[1·ln ½ + 0] = ln 2 and −[0 + 1·ln(1 − ½)] = ln 2; Math.log is within 1 ulp, so 1e-15.
    assertThat(crossEntropy.cost(new double[] {0.5}, new double[] {1.0}, 1, 1))
        .isCloseTo(LN_2, within(1e-15));
    assertThat(crossEntropy.cost(new double[] {0.5}, new double[] {0.0}, 1, 1))
        .isCloseTo(LN_2, within(1e-15));
  }

  @Test
  void cost_matchesHandValueForFractionalTarget() {
    // −[½ ln ¼ + ½ ln ¾] = ½ ln(16/3) ≈ 0.83699; a few ulps of rounding in each log, so 1e-15.
    assertThat(crossEntropy.cost(new double[] {0.25}, new double[] {0.5}, 1, 1))
        .isCloseTo(0.5 * Math.log(16.0 / 3.0), within(1e-15));
  }

  @Test
  void cost_isSummedOverRowsNotAveraged() {
    // Row 1: −ln ½ − ln(1 − ½) = 2 ln 2. Row 2: −ln ¼ − ln(1 − ¾) = 4 ln 2. Sum 6 ln 2.
    double[] a = {0.5, 0.5, 0.25, 0.75};
    double[] y = {1.0, 0.0, 1.0, 0.0};

    assertThat(crossEntropy.cost(a, y, 2, 2)).isCloseTo(6 * LN_2, within(1e-14));
    assertThat(crossEntropy.cost(a, y, 1, 2)).isCloseTo(2 * LN_2, within(1e-15));
  }

  @Test
  void cost_staysFiniteWhenOutputsRoundToExactlyZeroOrOne() {
    // Clamped to Double.MIN_NORMAL = 2⁻¹⁰²² and 1 − 2⁻⁵³: −ln 2⁻¹⁰²² − ln 2⁻⁵³ = 1075 ln 2 ≈ 745.1.
    // Relative rounding of a few ε on 745 is ≈ 1e-13.
    assertThat(crossEntropy.cost(new double[] {0.0, 1.0}, new double[] {1.0, 0.0}, 1, 2))
        .isFinite()
        .isCloseTo(1075 * LN_2, within(1e-12));
    // Right and saturated: the zero-weight terms give 0, not 0·∞ = NaN; what is left is
    // −ln(1 − 2⁻⁵³) ≈ 1.1e-16 and −ln(1 − 2⁻¹⁰²²) ≈ 2e-308.
    assertThat(crossEntropy.cost(new double[] {1.0, 0.0}, new double[] {1.0, 0.0}, 1, 2))
        .isFinite()
        .isCloseTo(0.0, within(1e-15));
  }

  @Test
  void outputError_isOutputsMinusTargetsWithoutSigmoidDerivative() {
    double[] error = new double[4];

    // 0.999 and 0.001 are saturated and wrong: with a σ' ≈ 0.001 factor the error would be tiny.
    crossEntropy.outputError(
        new double[] {0.5, 0.25, 0.999, 0.001}, new double[] {0.0, 1.0, 0.0, 1.0}, error, 2, 2);

    assertThat(error).containsExactly(0.5, -0.75, 0.999, 0.001 - 1.0);
  }

  @Test
  void outputError_matchesCentralDifferenceOfCostThroughSigmoid() {
    Random random = new Random(11);
    int rows = 3;
    int cols = 4;
    int n = rows * cols;
    double[] z = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = -3.0 + 6.0 * random.nextDouble();
      y[i] = random.nextDouble(); // a − y holds for any target in [0, 1], not only 0 and 1
    }
    double[] error = new double[n];

    crossEntropy.outputError(sigmoid(z), y, error, rows, cols);

    double h = 1e-5;
    for (int k = 0; k < n; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (crossEntropy.cost(sigmoid(plus), y, rows, cols)
                  - crossEntropy.cost(sigmoid(minus), y, rows, cols))
              / (2 * h);
      // In z, ∂³C/∂z³ = σ'' and |σ''| ≤ 0.1, so truncation is ≤ (h²/6)·0.1 ≈ 2e-12; a cost of
      // size ≤ 12·3.05 ≈ 37 rounds to ≈ 37·ε/h ≈ 1e-9. 1e-8 absolute is safe, far below the
      // σ'(z) ≥ 0.045 a missing or extra σ' factor would change δ by.
      assertThat(error[k]).as("δ[%d]", k).isCloseTo(centralDifference, within(1e-8));
    }
  }

  @Test
  void cost_andOutputError_useOnlyFirstRowsTimesCols() {
    double[] a = {0.5, 0.5, 0.0, 1.0};
    double[] y = {1.0, 0.0, 1.0, 0.0};
    double[] error = {7.0, 7.0, 7.0, 7.0};

    crossEntropy.outputError(a, y, error, 1, 2);

    assertThat(crossEntropy.cost(a, y, 1, 2)).isCloseTo(2 * LN_2, within(1e-15));
    assertThat(error).containsExactly(-0.5, 0.5, 7.0, 7.0);
  }

  @Test
  void pairedActivation_isSigmoid() {
    assertThat(crossEntropy.pairedActivation()).contains("dev.nnj.activations.Sigmoid");
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new CrossEntropy()).isEqualTo(new CrossEntropy()).hasSameHashCodeAs(new CrossEntropy());
    assertThat(new CrossEntropy()).isNotEqualTo(new Quadratic()).isNotEqualTo(null);
    assertThat(new CrossEntropy()).hasToString("cross-entropy");
  }

  private static double[] sigmoid(double[] z) {
    double[] a = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
    }
    return a;
  }
}
