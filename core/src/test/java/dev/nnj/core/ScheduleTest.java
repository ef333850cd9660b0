package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void halveOnPlateau_halvesAfterPatienceEpochsWithoutImprovementAndStopsAtTheRatio() {
    Schedule.State state = new HalveOnPlateau(2, 4).start(1.0);
    double[] accuracies = {0.5, 0.6, 0.6, 0.55, 0.7, 0.7, 0.7, 0.7, 0.7};
    List<Double> rates = new ArrayList<>();
    List<Boolean> goOn = new ArrayList<>();
    for (int epoch = 0; epoch < accuracies.length; epoch++) {
      rates.add(state.learningRate());
      goOn.add(state.epochFinished(epoch, accuracies[epoch]));
    }
    // Best 0.6 at epoch 1; epochs 2, 3 do not improve → halve to 0.5. Epoch 4 improves (0.7);
    // epochs 5, 6 do not → 0.25 = 1/4 of the start: stop.
    assertThat(rates.subList(0, 7)).containsExactly(1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5);
    assertThat(goOn.subList(0, 7)).containsExactly(true, true, true, true, true, true, false);
  }

  @Test
  void stepDecay_multipliesEveryFewEpochs() {
    Schedule.State state = new StepDecay(0.5, 2).start(8.0);
    List<Double> rates = new ArrayList<>();
    for (int epoch = 0; epoch < 5; epoch++) {
      rates.add(state.learningRate());
      assertThat(state.epochFinished(epoch, Double.NaN)).isTrue();
    }
    assertThat(rates).containsExactly(8.0, 8.0, 4.0, 4.0, 2.0);
  }

  @Test
  void constantRate_neverChangesOrStops() {
    Schedule.State state = new ConstantRate().start(3.0);
    for (int epoch = 0; epoch < 50; epoch++) {
      assertThat(state.epochFinished(epoch, 0.1)).isTrue();
    }
    assertThat(state.learningRate()).isEqualTo(3.0);
  }

  @Test
  void schedules_validateTheirParameters() {
    assertThatThrownBy(() -> new HalveOnPlateau(0, 128)).hasMessage("patience must be >= 1: 0");
    assertThatThrownBy(() -> new StepDecay(1.5, 3)).hasMessage("factor must be in (0, 1]: 1.5");
  }
}
