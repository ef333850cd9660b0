package dev.nnj.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SgdTest {

  @Test
  void step_matchesHandValue() {
    double[][] parameters = {{1.0, 2.0}};
    double[][] gradients = {{0.5, -1.0}};

    new Sgd(3.0).start(new int[] {2}, new boolean[] {true}).step(parameters, gradients, 2, 3.0);

    // p − (η/m)·g = [1, 2] − 1.5·[0.5, −1] = [0.25, 3.5]; exact in binary.
    assertThat(parameters[0]).containsExactly(0.25, 3.5);
  }

  @Test
  void step_usesThatBatchsOwnSize() {
    OptimizerState state = new Sgd(3.0).start(new int[] {2}, new boolean[] {true});
    double[][] fullBatch = {{1.0, 2.0}};
    double[][] shortBatch = {{1.0, 2.0}};
    double[][] gradients = {{0.5, -1.0}};

    state.step(fullBatch, gradients, 2, 3.0);
    state.step(shortBatch, gradients, 1, 3.0);

    // The short last batch of one example moves twice as far: [1, 2] − 3·[0.5, −1] = [−0.5, 5].
    assertThat(fullBatch[0]).containsExactly(0.25, 3.5);
    assertThat(shortBatch[0]).containsExactly(-0.5, 5.0);
  }

  @Test
  void step_updatesEveryBlock() {
    double[][] parameters = {{1.0, 2.0, 3.0}, {4.0}, {-1.0, 0.0}};
    double[][] gradients = {{4.0, 0.0, -4.0}, {2.0}, {1.0, 8.0}};

    new Sgd(0.5).start(new int[] {3, 1, 2}, new boolean[] {true, false, true}).step(parameters, gradients, 4, 0.5);

    // η/m = 0.125: every entry moves by −0.125·g, exact in binary.
    assertThat(parameters[0]).containsExactly(0.5, 2.0, 3.5);
    assertThat(parameters[1]).containsExactly(3.75);
    assertThat(parameters[2]).containsExactly(-1.125, -1.0);
  }

  @Test
  void step_leavesGradientsUnchanged() {
    double[][] parameters = {{1.0, 2.0}};
    double[][] gradients = {{0.5, -1.0}};

    new Sgd(3.0).start(new int[] {2}, new boolean[] {true}).step(parameters, gradients, 2, 3.0);

    assertThat(gradients[0]).containsExactly(0.5, -1.0);
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void constructor_rejectsNonPositiveOrNonFiniteLearningRate(double learningRate) {
    assertThatThrownBy(() -> new Sgd(learningRate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRate")
        .hasMessageEndingWith(String.valueOf(learningRate));
  }

  @Test
  void constructor_acceptsSmallPositiveLearningRate() {
    assertThat(new Sgd(Double.MIN_VALUE).learningRate()).isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void withLearningRate_returnsNewRecordAndLeavesOriginal() {
    Sgd original = new Sgd(3.0);

    Sgd changed = original.withLearningRate(0.5);

    assertThat(changed.learningRate()).isEqualTo(0.5);
    assertThat(original.learningRate()).isEqualTo(3.0);
    assertThat(changed).isNotSameAs(original);
  }

  @Test
  void withLearningRate_validatesToo() {
    assertThatThrownBy(() -> new Sgd(3.0).withLearningRate(-2.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learningRate")
        .hasMessageContaining("-2.0");
  }

  @Test
  void equals_comparesByValue() {
    assertThat(new Sgd(3.0)).isEqualTo(new Sgd(3.0)).hasSameHashCodeAs(new Sgd(3.0));
    assertThat(new Sgd(3.0)).isNotEqualTo(new Sgd(0.5));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -2})
  void step_refusesABatchSizeBelowOne(int batchSize) {
    double[][] parameters = {{1.0, 2.0}};
    OptimizerState state = new Sgd(3.0).start(new int[] {2}, new boolean[] {true});
    assertThatThrownBy(() -> state.step(parameters, new double[][] {{0.5, -1.0}}, batchSize, 3.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be >= 1: " + batchSize);
    assertThat(parameters[0]).containsExactly(1.0, 2.0);
  }
}
