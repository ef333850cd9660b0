package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nnj.core.Schedule;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Schedule} contract, checked over 60 epochs of an accuracy that rises, then stays
 * flat: call {@link #check} from a test of your own schedule.
 *
 * <pre>{@code
 * @Test void cosine_keepsTheContract() {
 *   ScheduleContract.check("cosine", new Cosine(30));
 * }
 * }</pre>
 */
public final class ScheduleContract {

  private static final int EPOCHS = 60;
  private static final double INITIAL_RATE = 0.5;

  private ScheduleContract() {}

  /** Every check below. */
  public static void check(String name, Schedule schedule) {
    ratesArePositiveAndFinite(name, schedule);
    eachRunStartsAfresh(name, schedule);
    toleratesNoEvaluation(name, schedule);
  }

  /** Every learning rate handed out while training goes on is a positive, finite number. */
  public static void ratesArePositiveAndFinite(String name, Schedule schedule) {
    List<Double> rates = run(schedule, false);
    for (int epoch = 0; epoch < rates.size(); epoch++) {
      assertThat(rates.get(epoch))
          .as("%s: the learning rate of epoch %d in %s", name, epoch, rates)
          .isPositive().isFinite();
    }
  }

  /**
   * A schedule is a value and its state belongs to one run: a second run, started after another
   * has gone on, hears the same accuracies and gets the same rates. Resumed runs depend on this.
   */
  public static void eachRunStartsAfresh(String name, Schedule schedule) {
    List<Double> first = run(schedule, false);
    Schedule.State other = schedule.start(INITIAL_RATE);
    other.epochFinished(0, 0.1);
    assertThat(run(schedule, false)).as("%s: the rates of a second run", name)
        .containsExactlyElementsOf(first);
  }

  /** Without evaluation data every accuracy is NaN: the schedule must still give usable rates. */
  public static void toleratesNoEvaluation(String name, Schedule schedule) {
    for (double rate : run(schedule, true)) {
      assertThat(rate).as("%s: a learning rate without evaluation data", name)
          .isPositive().isFinite();
    }
  }

  /** The rates of one run, until the schedule ends it or {@link #EPOCHS} have passed. */
  private static List<Double> run(Schedule schedule, boolean withoutEvaluation) {
    Schedule.State state = schedule.start(INITIAL_RATE);
    List<Double> rates = new ArrayList<>();
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      rates.add(state.learningRate());
      double accuracy = withoutEvaluation ? Double.NaN : Math.min(0.9, 0.5 + 0.02 * epoch);
      if (!state.epochFinished(epoch, accuracy)) {
        break;
      }
    }
    return rates;
  }
}
