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

class RmsPropTest {

  private static final int[] ONE_BLOCK = {2};
  private static final boolean[] WEIGHTS = {true};
  // The hand values leave ε = 1e-8 out; it moves each step by about η·|ĝ|·ε/s < 2e-9.
  private static final Offset<Double> WITHOUT_EPSILON = within(1e-8);

  @Test
  void step_matchesHandValuesOverTwoSteps() {
    double[][] parameters = {{1.0, 2.0}};
    double[][] gradients = {{6.0, -8.0}}; // summed over m = 2: ĝ = [3, −4], ĝ² = [9, 16]
    OptimizerState state = new RmsProp(0.5, 0.5, 1e-8).start(ONE_BLOCK, WEIGHTS);

    state.step(parameters, gradients, 2, 0.5);
    // s = 0.5·[9, 16] = [4.5, 8]; ĝ/√s = [3/√4.5, −4/√8] = [√2, −√2]; w −= 0.5·that.
    assertThat(parameters[0][0]).isCloseTo(1 - Math.sqrt(2) / 2, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2 + Math.sqrt(2) / 2, WITHOUT_EPSILON);

    state.step(parameters, gradients, 2, 0.5);
    // s = 0.5·[4.5, 8] + 0.5·[9, 16] = [6.75, 12]; ĝ/√s = [2/√3, −2/√3]; w −= 0.5·that.
    assertThat(parameters[0][0])
        .isCloseTo(1 - Math.sqrt(2) / 2 - 1 / Math.sqrt(3), WITHOUT_EPSILON);
    assertThat(parameters[0][1])
        .isCloseTo(2 + Math.sqrt(2) / 2 + 1 / Math.sqrt(3), WITHOUT_EPSILON);
  }

  @Test
  void step_usesTheLearningRateArgumentNotTheRecords() {
    double[][] parameters = {{1.0, 2.0}};

    new RmsProp(100.0, 0.5, 1e-8).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{6.0, -8.0}}, 2, 0.5);

    assertThat(parameters[0][0]).isCloseTo(1 - Math.sqrt(2) / 2, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2 + Math.sqrt(2) / 2, WITHOUT_EPSILON);
  }

  @Test
  void step_dividesTheSummedGradientByTheBatchSize() {
    double[][] parameters = {{1.0, 2.0}};
    OptimizerState state = new RmsProp(0.5, 0.5, 1e-8).start(ONE_BLOCK, WEIGHTS);

    // The same means ĝ = [3, −4] as in the hand case, from batches of 1 and then 4.
    state.step(parameters, new double[][] {{3.0, -4.0}}, 1, 0.5);
    state.step(parameters, new double[][] {{12.0, -16.0}}, 4, 0.5);

    assertThat(parameters[0][0])
        .isCloseTo(1 - Math.sqrt(2) / 2 - 1 / Math.sqrt(3), WITHOUT_EPSILON);
    assertThat(parameters[0][1])
        .isCloseTo(2 + Math.sqrt(2) / 2 + 1 / Math.sqrt(3), WITHOUT_EPSILON);
  }

  @Test
  void start_givesEachRunItsOwnAverages() {
    RmsProp rmsProp = new RmsProp(0.5, 0.5, 1e-8);
    OptimizerState first = rmsProp.start(ONE_BLOCK, WEIGHTS);
    OptimizerState second = rmsProp.start(ONE_BLOCK, WEIGHTS);
    double[][] gradients = {{6.0, -8.0}};
    first.step(new double[][] {{1.0, 2.0}}, gradients, 2, 0.5);

    double[][] parameters = {{1.0, 2.0}};
    second.step(parameters, gradients, 2, 0.5);

    assertThat(parameters[0][0]).isCloseTo(1 - Math.sqrt(2) / 2, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2 + Math.sqrt(2) / 2, WITHOUT_EPSILON);
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        rejected("learningRate", -0.001, () -> new RmsProp(-0.001, 0.9, 1e-8)),
        rejected("learningRate", Double.NaN, () -> new RmsProp(Double.NaN, 0.9, 1e-8)),
        rejected("decay", 1.0, () -> new RmsProp(0.001, 1.0, 1e-8)),
        rejected("decay", -0.1, () -> new RmsProp(0.001, -0.1, 1e-8)),
        rejected("epsilon", 0.0, () -> new RmsProp(0.001, 0.9, 0.0)),
        rejected("epsilon", Double.NaN, () -> new RmsProp(0.001, 0.9, Double.NaN)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void constructor_rejectsOutOfRangeValueNamingIt(
      String name, double value, ThrowingCallable construct) {
    assertRejected(name, value, construct);
  }

  @Test
  void withLearningRate_keepsDecayAndEpsilon() {
    assertThat(new RmsProp(0.001, 0.95, 1e-6).withLearningRate(0.5))
        .isEqualTo(new RmsProp(0.5, 0.95, 1e-6));
  }
}
