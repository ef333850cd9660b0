package dev.nnj.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.999})
  void requireFraction_acceptsZeroUpToBelowOne(double value) {
    assertThatCode(() -> Validation.requireFraction("beta1", value)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void requireFraction_rejectsOutsideZeroToOne(double value) {
    assertThatThrownBy(() -> Validation.requireFraction("beta1", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beta1 must be in [0, 1): " + value);
  }

  @Test
  void requirePositive_acceptsTheSmallestPositiveDouble() {
    assertThatCode(() -> Validation.requirePositive("epsilon", Double.MIN_VALUE))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
  void requirePositive_rejectsZeroNegativeAndNonFinite(double value) {
    assertThatThrownBy(() -> Validation.requirePositive("epsilon", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon must be > 0 and finite: " + value);
  }

  @Test
  void requireNonNegative_acceptsZero() {
    assertThatCode(() -> Validation.requireNonNegative("weightDecay", 0.0))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY})
  void requireNonNegative_rejectsNegativeAndNonFinite(double value) {
    assertThatThrownBy(() -> Validation.requireNonNegative("weightDecay", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weightDecay must be >= 0 and finite: " + value);
  }

  @Test
  void zeros_givesOneZeroedArrayPerBlock() {
    assertThat(Validation.zeros(new int[] {2, 0, 1}))
        .isDeepEqualTo(new double[][] {{0.0, 0.0}, {}, {0.0}});
  }
}
