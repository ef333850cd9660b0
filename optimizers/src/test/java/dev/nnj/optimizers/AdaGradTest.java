package dev.nnj.optimizers;

import static dev.nnj.optimizers.Rejections.assertRejected;
import static dev.nnj.optimizers.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdaGradTest {

  private static final int[] ONE_BLOCK = {2};
  private static final boolean[] WEIGHTS = {true};
  // The hand values leave ε = 1e-8 out; it moves each step by about η·|ĝ|·ε/s < 2e-9.
  private static final Offset<Double> WITHOUT_EPSILON = within(1e-8);

  @Test
  void step_matchesHandValuesOverTwoSteps() {
    double[][] parameters = {{1.0, 2.0}};
    double[][] gradients = {{6.0, -8.0}}; // summed over m = 2: ĝ = [3, −4]
    OptimizerState state = new AdaGrad(0.5, 1e-8).start(ONE_BLOCK, WEIGHTS);

    state.step(parameters, gradients, 2, 0.5);
    // s = [9, 16], √s = [3, 4]; w −= 0.5·[3/3, −4/4]: w = [0.5, 2.5].
    assertThat(parameters[0][0]).isCloseTo(0.5, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5, WITHOUT_EPSILON);

    state.step(parameters, gradients, 2, 0.5);
    // s = [18, 32], √s = [3√2, 4√2]; w −= 0.5·[1/√2, −1/√2]: the step shrank by √2.
    assertThat(parameters[0][0]).isCloseTo(0.5 - Math.sqrt(2) / 4, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5 + Math.sqrt(2) / 4, WITHOUT_EPSILON);
  }

  @Test
  void step_addsEpsilonOutsideTheRoot() {
    double[][] parameters = {{1.0}};

    new AdaGrad(1.0, 1.0).start(new int[] {1}, WEIGHTS)
        .step(parameters, new double[][] {{3.0}}, 1, 1.0);

    // w − η·ĝ/(√s + ε) = 1 − 3/(3 + 1) = 0.25; inside the root it would be 1 − 3/√10.
    assertThat(parameters[0]).containsExactly(0.25);
  }

  @Test
  void step_leavesAParameterWithZeroGradientWhereItIs() {
    double[][] parameters = {{1.0, 2.0}};

    new AdaGrad(0.5, 1e-8).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{0.0, 0.0}}, 1, 0.5);

    // 0/(√0 + ε) = 0: ε is what keeps this from being NaN.
    assertThat(parameters[0]).containsExactly(1.0, 2.0);
  }

  @Test
  void step_usesTheLearningRateArgumentNotTheRecords() {
    double[][] parameters = {{1.0, 2.0}};

    new AdaGrad(100.0, 1e-8).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{6.0, -8.0}}, 2, 0.5);

    assertThat(parameters[0][0]).isCloseTo(0.5, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5, WITHOUT_EPSILON);
  }

  @Test
  void step_dividesTheSummedGradientByTheBatchSize() {
    double[][] parameters = {{1.0, 2.0}};
    OptimizerState state = new AdaGrad(0.5, 1e-8).start(ONE_BLOCK, WEIGHTS);

    // The same means ĝ = [3, −4] as in the hand case, from batches of 1 and then 4.
    state.step(parameters, new double[][] {{3.0, -4.0}}, 1, 0.5);
    state.step(parameters, new double[][] {{12.0, -16.0}}, 4, 0.5);

    assertThat(parameters[0][0]).isCloseTo(0.5 - Math.sqrt(2) / 4, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5 + Math.sqrt(2) / 4, WITHOUT_EPSILON);
  }

  @Test
  void start_givesEachRunItsOwnSums() {
    AdaGrad adaGrad = new AdaGrad(0.5, 1e-8);
    OptimizerState first = adaGrad.start(ONE_BLOCK, WEIGHTS);
    OptimizerState second = adaGrad.start(ONE_BLOCK, WEIGHTS);
    double[][] gradients = {{6.0, -8.0}};
    first.step(new double[][] {{1.0, 2.0}}, gradients, 2, 0.5);

    double[][] parameters = {{1.0, 2.0}};
    second.step(parameters, gradients, 2, 0.5);

    // A first step of full size, not one shrunk by the other run's sum.
    assertThat(parameters[0][0]).isCloseTo(0.5, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5, WITHOUT_EPSILON);
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        rejected("learningRate", 0.0, () -> new AdaGrad(0.0, 1e-8)),
        rejected("learningRate", Double.NaN, () -> new AdaGrad(Double.NaN, 1e-8)),
        rejected("epsilon", 0.0, () -> new AdaGrad(0.01, 0.0)),
        rejected("epsilon", -1e-8, () -> new AdaGrad(0.01, -1e-8)),
        rejected("epsilon", Double.POSITIVE_INFINITY,
            () -> new AdaGrad(0.01, Double.POSITIVE_INFINITY)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void constructor_rejectsOutOfRangeValueNamingIt(
      String name, double value, ThrowingCallable construct) {
    assertRejected(name, value, construct);
  }

  @Test
  void withLearningRate_keepsEpsilon() {
    assertThat(new AdaGrad(0.01, 1e-6).withLearningRate(0.5)).isEqualTo(new AdaGrad(0.5, 1e-6));
  }
}
