package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.optimizers.Sgd;
import org.junit.jupiter.api.Test;

class RegularizationTest {

  @Test
  void l2_addsMTimesLambdaOverNTimesW() {
    double[] gradient = {0.5, 0.5};
    new L2(5.0).addGradient(new double[] {1.0, -2.0}, gradient, 10, 100);
    assertThat(gradient).containsExactly(new double[] {0.5 + 0.5, 0.5 - 1.0}, within(1e-15));
  }

  @Test
  void l2_withSgdIsTheBooksWeightDecay() {
    // w ← (1 − ηλ/n) w − (η/m) Σ ∂C₀/∂w, chapter 3's equation (93).
    double eta = 0.5;
    double lambda = 5.0;
    int n = 50_000;
    int m = 10;
    double[][] weights = {{0.3, -1.2}};
    double[][] gradient = {{0.7, 0.1}};
    double[] expected = new double[2];
    for (int j = 0; j < 2; j++) {
      expected[j] = (1 - eta * lambda / n) * weights[0][j] - eta / m * gradient[0][j];
    }
    new L2(lambda).addGradient(weights[0], gradient[0], m, n);
    new Sgd(eta).start(new int[] {2}, new boolean[] {true}).step(weights, gradient, m, eta);
    assertThat(weights[0]).containsExactly(expected, within(1e-15));
  }

  @Test
  void l1_addsTheSignOfW() {
    double[] gradient = {0, 0, 0};
    new L1(2.0).addGradient(new double[] {3.0, -0.1, 0.0}, gradient, 5, 10);
    assertThat(gradient).containsExactly(1.0, -1.0, 0.0);
  }

  @Test
  void penalties_areLambdaTimesR() {
    assertThat(new L2(2.0).penalty(new double[] {1, -2})).isEqualTo(5.0);
    assertThat(new L1(2.0).penalty(new double[] {1, -2})).isEqualTo(6.0);
    assertThat(new NoRegularization().penalty(new double[] {1, -2})).isZero();
  }

  @Test
  void lambda_mustBeNonNegativeAndFinite() {
    assertThatThrownBy(() -> new L2(-1)).hasMessage("lambda must be >= 0 and finite: -1.0");
    assertThatThrownBy(() -> new L1(Double.NaN)).hasMessage("lambda must be >= 0 and finite: NaN");
  }
}
