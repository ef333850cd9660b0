package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogLikelihoodTest {

  private static final double LN_2 = Math.log(2.0);

  private final LogLikelihood logLikelihood = new LogLikelihood();

  @Test
  void cost_isMinusLogOfLabelProbability() {
    // One-hot target on the middle class: −ln ½ = ln 2; Math.log is within 1 ulp, so 1e-15.
    assertThat(
            logLikelihood.cost(new double[] {0.25, 0.5, 0.25}, new double[] {0.0, 1.0, 0.0}, 1, 3))
        .isCloseTo(LN_2, within(1e-15));
  }

  @Test
  void cost_ignoresOutputsOfOtherClassesEvenWhenZero() {
    // Same label probability ½, other outputs moved (one to exactly 0): still ln 2, and 0·ln 0 is
    // 0, not NaN.
    assertThat(
            logLikelihood.cost(new double[] {0.0, 0.5, 0.5}, new double[] {0.0, 1.0, 0.0}, 1, 3))
        .isCloseTo(LN_2, within(1e-15));
  }

  @Test
  void cost_isSummedOverRowsNotAveraged() {
    // Row 1: −ln ½ = ln 2. Row 2: −ln ¼ = 2 ln 2. Sum 3 ln 2.
    double[] a = {0.5, 0.5, 0.25, 0.75};
    double[] y = {1.0, 0.0, 1.0, 0.0};

    assertThat(logLikelihood.cost(a, y, 2, 2)).isCloseTo(3 * LN_2, within(1e-15));
  }

  @Test
  void cost_staysFiniteWhenLabelOutputUnderflowsToZero() {
    // Clamped to Double.MIN_NORMAL = 2⁻¹⁰²²: −ln 2⁻¹⁰²² = 1022 ln 2 ≈ 708.4; a few ε relative ≈ 1e-13.
    assertThat(logLikelihood.cost(new double[] {1.0, 0.0}, new double[] {0.0, 1.0}, 1, 2))
        .isFinite()
        .isCloseTo(1022 * LN_2, within(1e-12));
    // Right and certain: −ln 1 = 0 exactly.
    assertThat(logLikelihood.cost(new double[] {0.0, 1.0}, new double[] {0.0, 1.0}, 1, 2)).isZero();
  }

  @Test
  void outputError_isOutputsMinusTargets() {
    double[] error = new double[4];

    logLikelihood.outputError(
        new double[] {0.5, 0.5, 0.25, 0.75}, new double[] {1.0, 0.0, 0.0, 1.0}, error, 2, 2);

    assertThat(error).containsExactly(-0.5, 0.5, 0.25, -0.25);
  }

  @Test
  void outputError_matchesCentralDifferenceOfCostThroughSoftmax() {
    Random random = new Random(13);
    int rows = 3;
    int cols = 4;
    int n = rows * cols;
    double[] z = new double[n];
    double[] y = new double[n];
    for (int row = 0; row < rows; row++) {
      // Soft targets, each row a probability distribution: a − y needs Σ_j y_j = 1, not one-hot.
      double total = 0.0;
      for (int col = 0; col < cols; col++) {
        z[row * cols + col] = -3.0 + 6.0 * random.nextDouble();
        y[row * cols + col] = random.nextDouble();
        total += y[row * cols + col];
      }
      for (int col = 0; col < cols; col++) {
        y[row * cols + col] /= total;
      }
    }
    double[] error = new double[n];

    logLikelihood.outputError(softmax(z, rows, cols), y, error, rows, cols);

    double h = 1e-5;
    for (int k = 0; k < n; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (logLikelihood.cost(softmax(plus, rows, cols), y, rows, cols)
                  - logLikelihood.cost(softmax(minus, rows, cols), y, rows, cols))
              / (2 * h);
      // In z each row's cost is log-sum-exp minus y·z (Σ y = 1), so ∂³C/∂z_k³ = a_k(1 − a_k)(1 − 2a_k),
      // at most 0.1 in size: truncation ≤ (h²/6)·0.1 ≈ 2e-12. A cost of size ≤ 3·(ln 4 + 6) ≈ 22
      // rounds to ≈ 22·ε/h ≈ 5e-10. 1e-8 absolute is safe and far below the entries of δ.
      assertThat(error[k]).as("δ[%d]", k).isCloseTo(centralDifference, within(1e-8));
    }
  }

  @Test
  void cost_andOutputError_useOnlyFirstRowsTimesCols() {
    double[] a = {0.5, 0.5, 0.0, 1.0};
    double[] y = {1.0, 0.0, 1.0, 0.0};
    double[] error = {7.0, 7.0, 7.0, 7.0};

    logLikelihood.outputError(a, y, error, 1, 2);

    assertThat(logLikelihood.cost(a, y, 1, 2)).isCloseTo(LN_2, within(1e-15));
    assertThat(error).containsExactly(-0.5, 0.5, 7.0, 7.0);
  }

  @Test
  void pairedActivation_isSoftmax() {
    assertThat(logLikelihood.pairedActivation()).contains("dev.nnj.activations.Softmax");
  }

  @Test
  void equals_holdsBetweenInstancesAndToStringIsName() {
    assertThat(new LogLikelihood()).isEqualTo(new LogLikelihood()).hasSameHashCodeAs(new LogLikelihood());
    assertThat(new LogLikelihood()).isNotEqualTo(new CrossEntropy()).isNotEqualTo(null);
    assertThat(new LogLikelihood()).hasToString("log-likelihood");
  }

  /** Softmax of each row, shifted by the row's maximum so that no exponential overflows. */
  private static double[] softmax(double[] z, int rows, int cols) {
    double[] a = new double[rows * cols];
    for (int row = 0; row < rows; row++) {
      int start = row * cols;
      double max = Double.NEGATIVE_INFINITY;
      for (int col = 0; col < cols; col++) {
        max = Math.max(max, z[start + col]);
      }
      double total = 0.0;
      for (int col = 0; col < cols; col++) {
        a[start + col] = Math.exp(z[start + col] - max);
        total += a[start + col];
      }
      for (int col = 0; col < cols; col++) {
        a[start + col] /= total;
      }
    }
    return a;
  }
}
