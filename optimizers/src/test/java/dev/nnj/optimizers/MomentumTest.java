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

class MomentumTest {

  private static final int[] ONE_BLOCK = {2};
  private static final boolean[] WEIGHTS = {true};

  @Test
  void step_matchesHandValuesOverTwoSteps() {
    double[][] parameters = {{1.0, 2.0}};
    double[][] gradients = {{1.0, -2.0}}; // summed over m = 2: ĝ = [0.5, −1]
    OptimizerState state = new Momentum(0.5, 0.5).start(ONE_BLOCK, WEIGHTS);

    state.step(parameters, gradients, 2, 0.5);
    // v = 0 − η·ĝ = [−0.25, 0.5]; w = [1, 2] + v = [0.75, 2.5]. Exact in binary.
    assertThat(parameters[0]).containsExactly(0.75, 2.5);

    state.step(parameters, gradients, 2, 0.5);
    // v = μ·[−0.25, 0.5] − [0.25, −0.5] = [−0.375, 0.75]; w = [0.375, 3.25].
    assertThat(parameters[0]).containsExactly(0.375, 3.25);
  }

  @Test
  void step_usesTheLearningRateArgumentNotTheRecords() {
    double[][] parameters = {{1.0, 2.0}};

    new Momentum(100.0, 0.5).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{1.0, -2.0}}, 2, 0.5);

    assertThat(parameters[0]).containsExactly(0.75, 2.5);
  }

  @Test
  void step_dividesTheSummedGradientByTheBatchSize() {
    double[][] parameters = {{1.0, 2.0}};

    // Four examples summing to [2, −4] have the same mean ĝ = [0.5, −1] as above: the same step.
    new Momentum(0.5, 0.5).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{2.0, -4.0}}, 4, 0.5);

    assertThat(parameters[0]).containsExactly(0.75, 2.5);
  }

  @Test
  void start_givesEachRunItsOwnVelocities() {
    Momentum momentum = new Momentum(0.5, 0.5);
    OptimizerState first = momentum.start(ONE_BLOCK, WEIGHTS);
    OptimizerState second = momentum.start(ONE_BLOCK, WEIGHTS);
    double[][] gradients = {{1.0, -2.0}};
    first.step(new double[][] {{1.0, 2.0}}, gradients, 2, 0.5);
    first.step(new double[][] {{1.0, 2.0}}, gradients, 2, 0.5);

    double[][] parameters = {{1.0, 2.0}};
    second.step(parameters, gradients, 2, 0.5);

    // A first step, as if the other run had never moved.
    assertThat(parameters[0]).containsExactly(0.75, 2.5);
  }

  @Test
  void step_withZeroMomentumIsPlainSgd() {
    double[][] withMomentum = {{1.0, 2.0}};
    double[][] withSgd = {{1.0, 2.0}};
    double[][] gradients = {{0.5, -1.0}};
    OptimizerState momentum = new Momentum(3.0, 0.0).start(ONE_BLOCK, WEIGHTS);
    OptimizerState sgd = new Sgd(3.0).start(ONE_BLOCK, WEIGHTS);

    for (int step = 0; step < 3; step++) {
      momentum.step(withMomentum, gradients, 2, 3.0);
      sgd.step(withSgd, gradients, 2, 3.0);
    }

    assertThat(withMomentum[0]).containsExactly(withSgd[0]);
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        rejected("learningRate", 0.0, () -> new Momentum(0.0, 0.9)),
        rejected("learningRate", Double.NaN, () -> new Momentum(Double.NaN, 0.9)),
        rejected("momentum", -0.1, () -> new Momentum(0.1, -0.1)),
        rejected("momentum", 1.0, () -> new Momentum(0.1, 1.0)),
        rejected("momentum", Double.NaN, () -> new Momentum(0.1, Double.NaN)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void constructor_rejectsOutOfRangeValueNamingIt(
      String name, double value, ThrowingCallable construct) {
    assertRejected(name, value, construct);
  }

  @Test
  void withLearningRate_keepsMomentum() {
    assertThat(new Momentum(0.1, 0.8).withLearningRate(0.5)).isEqualTo(new Momentum(0.5, 0.8));
  }
}
