package dev.nnj.optimizers;

import static dev.nnj.optimizers.Rejections.assertRejected;
import static dev.nnj.optimizers.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdamWTest {

  private static final int[] WEIGHT_AND_BIAS = {2, 1};
  private static final boolean[] WEIGHT_THEN_BIAS = {true, false};
  // The hand values leave ε = 1e-8 out; it moves each step by about η·|m̂|·ε/v̂ < 2e-9.
  private static final Offset<Double> WITHOUT_EPSILON = within(1e-8);
  // AdamTest's hand case plus λ = 0.5, so each step keeps 1 − η·λ = 0.75 of every weight.
  private static final AdamW ADAM_W = new AdamW(0.5, 0.5, 0.75, 1e-8, 0.5);
  // Adam's second step after means [3, −4] then [1, 0]; derived in AdamTest.
  private static final double SECOND_STEP_0 = 0.5 * (5.0 / 3) / Math.sqrt(31.0 / 7);
  private static final double SECOND_STEP_1 = 0.5 * (-4.0 / 3) / Math.sqrt(48.0 / 7);

  @Test
  void step_matchesHandValuesOverTwoSteps() {
    double[][] parameters = {{1.0, 2.0}, {1.0}};
    OptimizerState state = ADAM_W.start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS);

    state.step(parameters, new double[][] {{6.0, -8.0}, {6.0}}, 2, 0.5); // ĝ = [3, −4], [3]
    // Weights: 0.75·[1, 2] = [0.75, 1.5], then Adam's first step of η against the sign.
    // The bias is not decayed: 1 − 0.5 = 0.5.
    assertThat(parameters[0][0]).isCloseTo(0.25, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.0, WITHOUT_EPSILON);
    assertThat(parameters[1][0]).isCloseTo(0.5, WITHOUT_EPSILON);

    state.step(parameters, new double[][] {{2.0, 0.0}, {2.0}}, 2, 0.5); // ĝ = [1, 0], [1]
    // Weights: 0.75·[0.25, 2] = [0.1875, 1.5], then Adam's second step.
    assertThat(parameters[0][0]).isCloseTo(0.1875 - SECOND_STEP_0, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(1.5 - SECOND_STEP_1, WITHOUT_EPSILON);
    assertThat(parameters[1][0]).isCloseTo(0.5 - SECOND_STEP_0, WITHOUT_EPSILON);
  }

  @Test
  void step_decaysWeightsButNotBiases() {
    double[][] parameters = {{1.0, -2.0}, {4.0}};

    // With zero gradients Adam's step is 0/(0 + ε) = 0, leaving the decay alone to see.
    ADAM_W.start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS)
        .step(parameters, new double[][] {{0.0, 0.0}, {0.0}}, 1, 0.5);

    assertThat(parameters[0]).containsExactly(0.75, -1.5);
    assertThat(parameters[1]).containsExactly(4.0);
  }

  @Test
  void step_usesTheLearningRateArgumentForTheDecayToo() {
    double[][] parameters = {{1.0, -2.0}, {4.0}};

    new AdamW(100.0, 0.5, 0.75, 1e-8, 0.5).start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS)
        .step(parameters, new double[][] {{0.0, 0.0}, {0.0}}, 1, 0.25);

    // 1 − η·λ = 1 − 0.25·0.5 = 0.875 with the step's η; the record's would make it negative.
    assertThat(parameters[0]).containsExactly(0.875, -1.75);
  }

  @Test
  void step_dividesTheSummedGradientByTheBatchSize() {
    double[][] parameters = {{1.0, 2.0}, {1.0}};
    OptimizerState state = ADAM_W.start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS);

    // The hand case's means from batches of 1 and then 4.
    state.step(parameters, new double[][] {{3.0, -4.0}, {3.0}}, 1, 0.5);
    state.step(parameters, new double[][] {{4.0, 0.0}, {4.0}}, 4, 0.5);

    assertThat(parameters[0][0]).isCloseTo(0.1875 - SECOND_STEP_0, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(1.5 - SECOND_STEP_1, WITHOUT_EPSILON);
  }

  @Test
  void step_withZeroDecayIsAdam() {
    double[][] withAdamW = {{1.0, 2.0}, {1.0}};
    double[][] withAdam = {{1.0, 2.0}, {1.0}};
    OptimizerState adamW =
        new AdamW(0.5, 0.5, 0.75, 1e-8, 0.0).start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS);
    OptimizerState adam = new Adam(0.5, 0.5, 0.75, 1e-8).start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS);

    for (double[][] gradients : new double[][][] {{{6.0, -8.0}, {6.0}}, {{2.0, 0.0}, {2.0}}}) {
      adamW.step(withAdamW, gradients, 2, 0.5);
      adam.step(withAdam, gradients, 2, 0.5);
    }

    assertThat(withAdamW).isDeepEqualTo(withAdam);
  }

  @Test
  void start_givesEachRunItsOwnMomentsAndStepCount() {
    OptimizerState first = ADAM_W.start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS);
    OptimizerState second = ADAM_W.start(WEIGHT_AND_BIAS, WEIGHT_THEN_BIAS);
    double[][] gradients = {{6.0, -8.0}, {6.0}};
    first.step(new double[][] {{1.0, 2.0}, {1.0}}, gradients, 2, 0.5);

    double[][] parameters = {{1.0, 2.0}, {1.0}};
    second.step(parameters, gradients, 2, 0.5);

    assertThat(parameters[0][0]).isCloseTo(0.25, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.0, WITHOUT_EPSILON);
    assertThat(parameters[1][0]).isCloseTo(0.5, WITHOUT_EPSILON);
  }

  @Test
  void start_refusesAFlagCountOtherThanTheBlockCount() {
    assertThatThrownBy(() -> ADAM_W.start(WEIGHT_AND_BIAS, new boolean[] {true}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weightBlocks must have one flag per block: 1 flags for 2 blocks");
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        rejected("learningRate", 0.0, () -> new AdamW(0.0, 0.9, 0.999, 1e-8, 0.01)),
        rejected("beta1", 1.0, () -> new AdamW(0.001, 1.0, 0.999, 1e-8, 0.01)),
        rejected("beta2", -0.5, () -> new AdamW(0.001, 0.9, -0.5, 1e-8, 0.01)),
        rejected("epsilon", -1e-8, () -> new AdamW(0.001, 0.9, 0.999, -1e-8, 0.01)),
        rejected("weightDecay", -0.01, () -> new AdamW(0.001, 0.9, 0.999, 1e-8, -0.01)),
        rejected("weightDecay", Double.NaN, () -> new AdamW(0.001, 0.9, 0.999, 1e-8, Double.NaN)),
        rejected("weightDecay", Double.POSITIVE_INFINITY,
            () -> new AdamW(0.001, 0.9, 0.999, 1e-8, Double.POSITIVE_INFINITY)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void constructor_rejectsOutOfRangeValueNamingIt(
      String name, double value, ThrowingCallable construct) {
    assertRejected(name, value, construct);
  }

  @Test
  void withLearningRate_keepsBetasEpsilonAndDecay() {
    assertThat(new AdamW(0.001, 0.8, 0.99, 1e-6, 0.1).withLearningRate(0.5))
        .isEqualTo(new AdamW(0.5, 0.8, 0.99, 1e-6, 0.1));
  }
}
