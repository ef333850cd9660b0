package dev.nnj.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The figures of every epoch of one training run, as training returns them: what
 * {@code network2.py}'s {@code SGD} returns as four lists, in one value.
 *
 * @param epochs one result per epoch, in order
 */
public record History(List<EpochResult> epochs) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).registerModule(new NanAsNull());

  /** Copies the list. */
  public History {
    epochs = List.copyOf(epochs);
  }

  /** The epoch with the highest evaluation accuracy, the earliest on ties; empty if none was measured. */
  public Optional<EpochResult> best() {
    return epochs.stream()
        .filter(e -> !Double.isNaN(e.evaluationAccuracy()))
        .max(Comparator.comparingDouble(EpochResult::evaluationAccuracy)
            .thenComparing(Comparator.comparingInt(EpochResult::epoch).reversed()));
  }

  /**
   * Writes this history as JSON, not-measured figures as {@code null} (see {@link NanAsNull}),
   * atomically (see {@link AtomicFile}).
   */
  public void writeJson(Path file) {
    try {
      AtomicFile.write(file, out -> JSON.writeValue(out, this));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + NetworkFile.describe(e), e);
    }
  }

  /** Reads a history {@link #writeJson} wrote. */
  public static History readJson(Path file) {
    try {
      return JSON.readValue(file.toFile(), History.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes this history as CSV, one row per epoch, with a header, atomically (see {@link AtomicFile}). */
  public void writeCsv(Path file) {
    String header = "epoch,learning_rate,training_cost,training_accuracy,evaluation_cost,"
        + "evaluation_accuracy,correct,evaluated,training_seconds";
    String rows = epochs.stream().map(e -> String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%d,%d,%.4f",
            e.epoch(), e.learningRate(), e.trainingCost(), e.trainingAccuracy(), e.evaluationCost(),
            e.evaluationAccuracy(), e.correct(), e.evaluated(), e.trainingSeconds()))
        .collect(Collectors.joining("\n"));
    try {
      byte[] csv = (header + "\n" + rows + "\n").getBytes(StandardCharsets.UTF_8);
      AtomicFile.write(file, out -> out.write(csv));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + NetworkFile.describe(e), e);
    }
  }
}
