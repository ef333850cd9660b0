package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EluTest {

  private final Elu elu = new Elu();

  private static double[] apply(Elu activation, double... z) {
    double[] a = new double[z.length];
    activation.apply(z, a, 1, z.length);
    return a;
  }

  @Test
  void apply_isIdentityForPositiveAndAlphaTimesExpMinusOneOtherwise() {
    // e^(−ln 2) − 1 = −1/2; one ulp of log and expm1 each.
    assertThat(apply(elu, 2.0, 0.0, -Math.log(2.0)))
        .containsExactly(new double[] {2.0, 0.0, -0.5}, within(1e-15));
    assertThat(apply(new Elu(2.0), -Math.log(2.0))).containsExactly(new double[] {-1.0}, within(1e-15));
  }

  @Test
  void apply_approachesMinusAlpha() {
    assertThat(apply(new Elu(3.0), -1000.0)).containsExactly(-3.0);
  }

  @Test
  void constructor_defaultAlphaIsOne() {
    assertThat(new Elu().alpha()).isEqualTo(1.0);
  }

  @Test
  void derivative_isOneForPositiveAndAPlusAlphaOtherwise() {
    double[] z = {2.0, -Math.log(2.0)};
    double[] a = {2.0, -0.5};
    double[] gradient = {3.0, 4.0};

    elu.derivative(z, a, gradient, 1, 2);

    // α e^z = 1/2 at z = −ln 2, computed as a + α = −0.5 + 1: exact.
    assertThat(gradient).containsExactly(3.0, 2.0);
  }

  @Test
  void derivative_matchesCentralDifferenceForOtherAlpha() {
    Elu elu2 = new Elu(2.0);
    double h = 1e-6;
    // Points at least 0.25 from the kink at 0, which α ≠ 1 leaves non-differentiable.
    double[] z = {-5.0, -1.5, -0.25, 0.25, 3.0};
    double[] a = apply(elu2, z);
    double[] gradient = {1.0, 1.0, 1.0, 1.0, 1.0};

    elu2.derivative(z, a, gradient, 1, z.length);

    for (int i = 0; i < z.length; i++) {
      double centralDifference = (apply(elu2, z[i] + h)[0] - apply(elu2, z[i] - h)[0]) / (2 * h);
      // Truncation (h²/6)·α e^z ≤ 1e-12·2/6; rounding ≈ ε·|a|/h ≈ 2e-16·2/1e-6 ≈ 4e-10.
      assertThat(gradient[i]).as("σ'(%s)", z[i]).isCloseTo(centralDifference, within(1e-8));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_rejectsAlphaNotPositiveAndFinite(double alpha) {
    assertThatThrownBy(() -> new Elu(alpha))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be > 0 and finite: " + alpha);
  }

  @Test
  void equals_dependsOnAlphaAndToStringShowsIt() {
    assertThat(new Elu(1.0)).isEqualTo(elu).hasSameHashCodeAs(elu).isNotEqualTo(new Elu(2.0));
    assertThat(new Elu(2.0)).hasToString("elu(2.0)");
  }

  @Test
  void json_carriesAlphaBesideType() throws JsonProcessingException {
    String json = ActivationJson.builtIns().writeValueAsString(new Elu(2.0));

    assertThat(json).isEqualTo("{\"type\":\"elu\",\"alpha\":2.0}");
    assertThat(ActivationJson.builtIns().readValue(json, Activation.class)).isEqualTo(new Elu(2.0));
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {1.0, 2.0, 3.0, 4.0, -1.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0};

    elu.apply(z, a, 2, 2);

    assertThat(a).containsExactly(1.0, 2.0, 3.0, 4.0, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double ln2 = Math.log(2.0);
    double[] z = {-ln2, -ln2, -ln2, -ln2, -ln2};
    double[] a = {-0.5, -0.5, -0.5, -0.5, -0.5};
    double[] gradient = {4.0, 4.0, 4.0, 4.0, 4.0};

    elu.derivative(z, a, gradient, 2, 2);

    assertThat(gradient).containsExactly(2.0, 2.0, 2.0, 2.0, 4.0);
  }
}
