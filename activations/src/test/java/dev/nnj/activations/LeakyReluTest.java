package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeakyReluTest {

  // A slope of 1/4 keeps every product in these tests exact in binary.
  private final LeakyRelu leakyRelu = new LeakyRelu(0.25);

  @Test
  void apply_scalesNegativesBySlope() {
    double[] a = new double[4];
    leakyRelu.apply(new double[] {-4.0, -1.0, 0.0, 2.0}, a, 1, 4);
    assertThat(a).containsExactly(-1.0, -0.25, 0.0, 2.0);
  }

  @Test
  void constructor_defaultSlopeIsOneHundredth() {
    assertThat(new LeakyRelu().slope()).isEqualTo(0.01);
  }

  @Test
  void derivative_isOneForPositiveAndSlopeAtAndBelowZero() {
    double[] z = {-4.0, 0.0, 2.0};
    double[] a = {-1.0, 0.0, 2.0};
    double[] gradient = {4.0, 4.0, 4.0};

    leakyRelu.derivative(z, a, gradient, 1, 3);

    assertThat(gradient).containsExactly(1.0, 1.0, 4.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void constructor_rejectsSlopeOutsideZeroToOne(double slope) {
    assertThatThrownBy(() -> new LeakyRelu(slope))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("slope must be >= 0 and < 1: " + slope);
  }

  @Test
  void constructor_zeroSlopeBehavesLikeRelu() {
    double[] z = {-3.0, -0.5, 0.0, 0.5, 3.0};
    double[] leaky = new double[5];
    double[] relu = new double[5];

    new LeakyRelu(0.0).apply(z, leaky, 1, 5);
    new Relu().apply(z, relu, 1, 5);

    // −0.0 from 0·(−3) would fail containsExactly against 0.0, so compare numerically.
    for (int i = 0; i < z.length; i++) {
      assertThat(leaky[i] == relu[i]).as("z = %s", z[i]).isTrue();
    }
  }

  @Test
  void equals_treatsMinusZeroSlopeAsZero() {
    assertThat(new LeakyRelu(-0.0)).isEqualTo(new LeakyRelu(0.0)).hasSameHashCodeAs(new LeakyRelu(0.0));
  }

  @Test
  void equals_dependsOnSlopeAndToStringShowsIt() {
    assertThat(new LeakyRelu(0.25)).isEqualTo(leakyRelu).isNotEqualTo(new LeakyRelu(0.5));
    assertThat(leakyRelu).hasToString("leaky-relu(0.25)");
  }

  @Test
  void json_carriesSlopeBesideType() throws JsonProcessingException {
    String json = ActivationJson.builtIns().writeValueAsString(leakyRelu);

    assertThat(json).isEqualTo("{\"type\":\"leaky-relu\",\"slope\":0.25}");
    assertThat(ActivationJson.builtIns().readValue(json, Activation.class)).isEqualTo(leakyRelu);
  }

  @Test
  void json_rejectsInvalidSlope() {
    assertThatThrownBy(
            () ->
                ActivationJson.builtIns()
                    .readValue("{\"type\":\"leaky-relu\",\"slope\":2.0}", Activation.class))
        .hasRootCauseMessage("slope must be >= 0 and < 1: 2.0");
  }

  @Test
  void apply_touchesOnlyFirstRowsTimesCols() {
    double[] z = {-4.0, 4.0, -4.0, 4.0, -4.0};
    double[] a = {9.0, 9.0, 9.0, 9.0, 9.0};

    leakyRelu.apply(z, a, 2, 2);

    assertThat(a).containsExactly(-1.0, 4.0, -1.0, 4.0, 9.0);
  }

  @Test
  void derivative_touchesOnlyFirstRowsTimesCols() {
    double[] z = {-4.0, 4.0, -4.0, 4.0, -4.0};
    double[] gradient = {8.0, 8.0, 8.0, 8.0, 8.0};

    leakyRelu.derivative(z, new double[5], gradient, 2, 2);

    assertThat(gradient).containsExactly(2.0, 8.0, 2.0, 8.0, 8.0);
  }
}
