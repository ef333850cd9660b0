package dev.nnj.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nnj.core.EpochResult;
import dev.nnj.core.History;
import dev.nnj.core.Measurement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's line of a sweep's table: the values it took and what it achieved.
 *
 * @param index the run's place in the grid
 * @param values each varied field's value in this run
 * @param epochs the epochs it trained
 * @param bestEpoch the epoch of the best evaluation accuracy (the earliest on ties), -1 if none
 * @param bestCorrect evaluation examples classified correctly at that epoch
 * @param evaluated the evaluation examples
 * @param testCorrect test examples the final network classifies correctly (with
 *     {@code "evaluateOn": "validation"}, the best validation epoch's network)
 * @param testTotal the test examples
 * @param trainingSeconds the epochs' training time, measurements excluded
 */
public record SweepRow(int index, Map<String, JsonNode> values, int epochs, int bestEpoch,
    int bestCorrect, int evaluated, int testCorrect, int testTotal, double trainingSeconds) {

  public SweepRow {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // in the sweep's order
  }

  /** The row of {@code run}, which trained with {@code history} and measured {@code test}. */
  public static SweepRow of(Sweep.Run run, History history, Measurement test) {
    EpochResult best = history.best().orElse(null);
    double seconds = history.epochs().stream().mapToDouble(EpochResult::trainingSeconds).sum();
    return new SweepRow(run.index(), run.values(), history.epochs().size(),
        best == null ? -1 : best.epoch(), best == null ? 0 : best.correct(),
        best == null ? 0 : best.evaluated(), test.correct(), test.total(), seconds);
  }

  /** {@code optimizer.learningRate=0.5, seed=2}: the values, as {@link Sweep.Run#describe}. */
  public String describe() {
    return Sweep.describe(values);
  }

  /** The fraction of evaluation examples right at the best epoch, NaN without one. */
  public double bestAccuracy() {
    return evaluated == 0 ? Double.NaN : (double) bestCorrect / evaluated;
  }

  /** The fraction of test examples right. */
  public double testAccuracy() {
    return testTotal == 0 ? Double.NaN : (double) testCorrect / testTotal;
  }
}
