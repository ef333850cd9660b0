package dev.nnj.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nnj.core.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A sweep's result: one row per run, in grid order, however the runs were scheduled.
 *
 * @param paths the varied fields, the table's first columns
 * @param rows the runs' rows, by index
 */
public record SweepTable(List<String> paths, List<SweepRow> rows) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SweepTable {
    paths = List.copyOf(paths);
    List<SweepRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt(SweepRow::index));
    rows = List.copyOf(sorted);
  }

  /**
   * The run with the best evaluation accuracy at its best epoch, the earliest on ties: the one a
   * search of hyperparameters picks (chapter 3 picks on the validation images, not the test).
   */
  public Optional<SweepRow> best() {
    return rows.stream().filter(row -> row.evaluated() > 0)
        .max(Comparator.comparingDouble(SweepRow::bestAccuracy)
            .thenComparing(Comparator.comparingInt(SweepRow::index).reversed()));
  }

  /** The table as CSV: the varied fields, then the run's figures; a header line first. */
  public String csv() {
    StringBuilder out = new StringBuilder("run");
    for (String path : paths) {
      out.append(',').append(csvField(path));
    }
    out.append(",epochs,best_epoch,best_correct,evaluated,best_accuracy,test_correct,test_total,"
        + "test_accuracy,training_seconds\n");
    for (SweepRow row : rows) {
      out.append(row.index());
      for (String path : paths) {
        JsonNode value = row.values().get(path);
        out.append(',').append(csvField(value.isTextual() ? value.asText() : value.toString()));
      }
      out.append(String.format(Locale.ROOT, ",%d,%d,%d,%d,%.4f,%d,%d,%.4f,%.2f%n", row.epochs(),
          row.bestEpoch(), row.bestCorrect(), row.evaluated(), row.bestAccuracy(),
          row.testCorrect(), row.testTotal(), row.testAccuracy(), row.trainingSeconds()));
    }
    return out.toString();
  }

  /** The table as JSON: {@code {"varied": [...], "rows": [...], "best": INDEX}}. */
  public ObjectNode json() {
    ObjectNode table = JSON.createObjectNode();
    ArrayNode varied = table.putArray("varied");
    paths.forEach(varied::add);
    ArrayNode list = table.putArray("rows");
    for (SweepRow row : rows) {
      ObjectNode line = list.addObject();
      line.put("run", row.index());
      ObjectNode values = line.putObject("values");
      row.values().forEach(values::set);
      line.put("epochs", row.epochs());
      line.put("bestEpoch", row.bestEpoch());
      line.put("bestCorrect", row.bestCorrect());
      line.put("evaluated", row.evaluated());
      line.put("bestAccuracy", row.bestAccuracy());
      line.put("testCorrect", row.testCorrect());
      line.put("testTotal", row.testTotal());
      line.put("testAccuracy", row.testAccuracy());
      line.put("trainingSeconds", row.trainingSeconds());
    }
    best().ifPresentOrElse(row -> table.put("best", row.index()), () -> table.putNull("best"));
    return table;
  }

  /** Writes {@link #csv} to {@code csvFile} and {@link #json} to {@code jsonFile}, each atomically. */
  public void write(Path csvFile, Path jsonFile) {
    try {
      byte[] csv = csv().getBytes(StandardCharsets.UTF_8);
      AtomicFile.write(csvFile, out -> out.write(csv));
      byte[] json = JSON.writeValueAsBytes(json());
      AtomicFile.write(jsonFile, out -> out.write(json));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sweep's table: " + e.getMessage(), e);
    }
  }

  private static String csvField(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
