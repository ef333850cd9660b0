package dev.nnj.optimizers;

import static dev.nnj.optimizers.Rejections.assertRejected;
import static dev.nnj.optimizers.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NesterovTest {

  private static final int[] ONE_BLOCK = {2};
  private static final boolean[] WEIGHTS = {true};

  @Test
  void step_matchesHandValuesOverTwoSteps() {
    double[][] parameters = {{1.0, 2.0}};
    double[][] gradients = {{1.0, -2.0}}; // summed over m = 2: ĝ = [0.5, −1], η·ĝ = [0.25, −0.5]
    OptimizerState state = new Nesterov(0.5, 0.5).start(ONE_BLOCK, WEIGHTS);

    state.step(parameters, gradients, 2, 0.5);
    // v = [−0.25, 0.5]; w += μ·v − η·ĝ = [−0.125 − 0.25, 0.25 + 0.5]: w = [0.625, 2.75].
    assertThat(parameters[0]).containsExactly(0.625, 2.75);

    state.step(parameters, gradients, 2, 0.5);
    // v = [−0.375, 0.75]; w += [−0.1875 − 0.25, 0.375 + 0.5]: w = [0.1875, 3.625].
    assertThat(parameters[0]).containsExactly(0.1875, 3.625);
  }

  @Test
  void step_usesTheLearningRateArgumentNotTheRecords() {
    double[][] parameters = {{1.0, 2.0}};

    new Nesterov(100.0, 0.5).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{1.0, -2.0}}, 2, 0.5);

    assertThat(parameters[0]).containsExactly(0.625, 2.75);
  }

  @Test
  void step_dividesTheSummedGradientByTheBatchSize() {
    double[][] parameters = {{1.0, 2.0}};

    // Four examples summing to [2, −4] have the same mean ĝ = [0.5, −1] as above: the same step.
    new Nesterov(0.5, 0.5).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{2.0, -4.0}}, 4, 0.5);

    assertThat(parameters[0]).containsExactly(0.625, 2.75);
  }

  @Test
  void start_givesEachRunItsOwnVelocities() {
    Nesterov nesterov = new Nesterov(0.5, 0.5);
    OptimizerState first = nesterov.start(ONE_BLOCK, WEIGHTS);
    OptimizerState second = nesterov.start(ONE_BLOCK, WEIGHTS);
    double[][] gradients = {{1.0, -2.0}};
    first.step(new double[][] {{1.0, 2.0}}, gradients, 2, 0.5);
    first.step(new double[][] {{1.0, 2.0}}, gradients, 2, 0.5);

    double[][] parameters = {{1.0, 2.0}};
    second.step(parameters, gradients, 2, 0.5);

    assertThat(parameters[0]).containsExactly(0.625, 2.75);
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        rejected("learningRate", -1.0, () -> new Nesterov(-1.0, 0.9)),
        rejected("learningRate", Double.POSITIVE_INFINITY,
            () -> new Nesterov(Double.POSITIVE_INFINITY, 0.9)),
        rejected("momentum", -0.5, () -> new Nesterov(0.1, -0.5)),
        rejected("momentum", 1.0, () -> new Nesterov(0.1, 1.0)),
        rejected("momentum", Double.NaN, () -> new Nesterov(0.1, Double.NaN)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void constructor_rejectsOutOfRangeValueNamingIt(
      String name, double value, ThrowingCallable construct) {
    assertRejected(name, value, construct);
  }

  @Test
  void withLearningRate_keepsMomentum() {
    assertThat(new Nesterov(0.1, 0.8).withLearningRate(0.5)).isEqualTo(new Nesterov(0.5, 0.8));
  }
}
