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

class AdamTest {

  private static final int[] ONE_BLOCK = {2};
  private static final boolean[] WEIGHTS = {true};
  // The hand values leave ε = 1e-8 out; it moves each step by about η·|m̂|·ε/v̂ < 2e-9.
  private static final Offset<Double> WITHOUT_EPSILON = within(1e-8);
  // η = 0.5, β₁ = 0.5, β₂ = 0.75: averages and corrections that are easy to follow by hand.
  private static final Adam ADAM = new Adam(0.5, 0.5, 0.75, 1e-8);

  /**
   * Step 2 of the hand case, after ĝ = [3, −4] and then ĝ = [1, 0]:
   * m = 0.5·[1.5, −2] + 0.5·[1, 0] = [1.25, −1], m̂ = m/(1 − 0.25) = [5/3, −4/3];
   * v = 0.75·[2.25, 4] + 0.25·[1, 0] = [1.9375, 3], v̂ = v/(1 − 0.5625) = [31/7, 48/7];
   * w −= 0.5·m̂/√v̂.
   */
  private static final double SECOND_STEP_0 = 0.5 * (5.0 / 3) / Math.sqrt(31.0 / 7);
  private static final double SECOND_STEP_1 = 0.5 * (-4.0 / 3) / Math.sqrt(48.0 / 7);

  @Test
  void step_onEnoughParametersForTwoThreads_isTheFormulaBitForBitInEveryBlock() {
    // 300 blocks of 400 (1.2·10⁵ parameters, split over two threads) plus a short last block.
    int[] lengths = new int[301];
    java.util.Arrays.fill(lengths, 400);
    lengths[300] = 7;
    assertThat(300L * 400).isGreaterThan(BlockSplit.MINIMUM_PARAMETERS);
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    double[][] parameters = new double[lengths.length][];
    double[][] expected = new double[lengths.length][];
    double[][] m = new double[lengths.length][];
    double[][] v = new double[lengths.length][];
    for (int b = 0; b < lengths.length; b++) {
      parameters[b] = random.doubles(lengths[b], -1, 1).toArray();
      expected[b] = parameters[b].clone();
      m[b] = new double[lengths[b]];
      v[b] = new double[lengths[b]];
    }
    boolean[] weights = new boolean[lengths.length];
    Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
    OptimizerState state = adam.start(lengths, weights);
    for (int t = 1; t <= 3; t++) {
      double[][] gradients = new double[lengths.length][];
      for (int b = 0; b < lengths.length; b++) {
        gradients[b] = random.doubles(lengths[b], -5, 5).toArray();
      }
      state.step(parameters, gradients, 10, 0.01);
      double meanCorrection = 1.0 - Math.pow(0.9, t);
      double squareCorrection = 1.0 - Math.pow(0.999, t);
      for (int b = 0; b < lengths.length; b++) {
        for (int i = 0; i < lengths[b]; i++) {
          double mean = gradients[b][i] / 10;
          m[b][i] = 0.9 * m[b][i] + (1.0 - 0.9) * mean;
          v[b][i] = 0.999 * v[b][i] + (1.0 - 0.999) * mean * mean;
          expected[b][i] -= 0.01 * (m[b][i] / meanCorrection)
              / (Math.sqrt(v[b][i] / squareCorrection) + 1e-8);
        }
      }
      assertThat(parameters).as("step %d", t).isDeepEqualTo(expected);
    }
  }

  @Test
  void step_matchesHandValuesOverTwoSteps() {
    double[][] parameters = {{1.0, 2.0}};
    OptimizerState state = ADAM.start(ONE_BLOCK, WEIGHTS);

    state.step(parameters, new double[][] {{6.0, -8.0}}, 2, 0.5); // ĝ = [3, −4]
    // m = 0.5·ĝ = [1.5, −2], m̂ = m/0.5 = ĝ; v = 0.25·ĝ² = [2.25, 4], v̂ = v/0.25 = ĝ².
    // So the first step is η·ĝ/|ĝ|, a step of η against the sign: w = [0.5, 2.5].
    assertThat(parameters[0][0]).isCloseTo(0.5, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5, WITHOUT_EPSILON);

    state.step(parameters, new double[][] {{2.0, 0.0}}, 2, 0.5); // ĝ = [1, 0]
    // The second coordinate still moves: its average remembers −4.
    assertThat(parameters[0][0]).isCloseTo(0.5 - SECOND_STEP_0, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5 - SECOND_STEP_1, WITHOUT_EPSILON);
  }

  @Test
  void step_addsEpsilonOutsideTheRoot() {
    double[][] parameters = {{1.0}};

    new Adam(1.0, 0.5, 0.75, 1.0).start(new int[] {1}, WEIGHTS)
        .step(parameters, new double[][] {{3.0}}, 1, 1.0);

    // m̂ = 3, v̂ = 9 exactly; w − η·m̂/(√v̂ + ε) = 1 − 3/(3 + 1) = 0.25.
    assertThat(parameters[0]).containsExactly(0.25);
  }

  @Test
  void step_usesTheLearningRateArgumentNotTheRecords() {
    double[][] parameters = {{1.0, 2.0}};

    new Adam(100.0, 0.5, 0.75, 1e-8).start(ONE_BLOCK, WEIGHTS)
        .step(parameters, new double[][] {{6.0, -8.0}}, 2, 0.5);

    assertThat(parameters[0][0]).isCloseTo(0.5, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5, WITHOUT_EPSILON);
  }

  @Test
  void step_dividesTheSummedGradientByTheBatchSize() {
    double[][] parameters = {{1.0, 2.0}};
    OptimizerState state = ADAM.start(ONE_BLOCK, WEIGHTS);

    // Adam's first step does not depend on the gradient's scale, but the second one does on the
    // ratio of the two means. The hand case's means [3, −4] and [1, 0] from batches of 1 and 4:
    state.step(parameters, new double[][] {{3.0, -4.0}}, 1, 0.5);
    state.step(parameters, new double[][] {{4.0, 0.0}}, 4, 0.5);

    assertThat(parameters[0][0]).isCloseTo(0.5 - SECOND_STEP_0, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5 - SECOND_STEP_1, WITHOUT_EPSILON);
  }

  @Test
  void start_givesEachRunItsOwnMomentsAndStepCount() {
    OptimizerState first = ADAM.start(ONE_BLOCK, WEIGHTS);
    OptimizerState second = ADAM.start(ONE_BLOCK, WEIGHTS);
    first.step(new double[][] {{1.0, 2.0}}, new double[][] {{6.0, -8.0}}, 2, 0.5);

    double[][] parameters = {{1.0, 2.0}};
    second.step(parameters, new double[][] {{6.0, -8.0}}, 2, 0.5);

    // A first step (t = 1, bias fully corrected), as if the other run had never moved.
    assertThat(parameters[0][0]).isCloseTo(0.5, WITHOUT_EPSILON);
    assertThat(parameters[0][1]).isCloseTo(2.5, WITHOUT_EPSILON);
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        rejected("learningRate", 0.0, () -> new Adam(0.0, 0.9, 0.999, 1e-8)),
        rejected("learningRate", Double.NaN, () -> new Adam(Double.NaN, 0.9, 0.999, 1e-8)),
        rejected("beta1", 1.0, () -> new Adam(0.001, 1.0, 0.999, 1e-8)),
        rejected("beta1", -0.1, () -> new Adam(0.001, -0.1, 0.999, 1e-8)),
        rejected("beta2", 1.0, () -> new Adam(0.001, 0.9, 1.0, 1e-8)),
        rejected("beta2", Double.NaN, () -> new Adam(0.001, 0.9, Double.NaN, 1e-8)),
        rejected("epsilon", 0.0, () -> new Adam(0.001, 0.9, 0.999, 0.0)),
        rejected("epsilon", Double.POSITIVE_INFINITY,
            () -> new Adam(0.001, 0.9, 0.999, Double.POSITIVE_INFINITY)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("outOfRange")
  void constructor_rejectsOutOfRangeValueNamingIt(
      String name, double value, ThrowingCallable construct) {
    assertRejected(name, value, construct);
  }

  @Test
  void withLearningRate_keepsBetasAndEpsilon() {
    assertThat(new Adam(0.001, 0.8, 0.99, 1e-6).withLearningRate(0.5))
        .isEqualTo(new Adam(0.5, 0.8, 0.99, 1e-6));
  }
}
