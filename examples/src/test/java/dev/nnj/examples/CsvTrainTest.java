package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnj train --dataset csv}: the user's own CSV files, end to end through the command line. */
class CsvTrainTest extends CommandLineHarness {
  private static final Pattern EPOCH = Pattern.compile("Epoch (\\d+): (\\d+) / (\\d+) .*");

  @TempDir Path data;

  /**
   * Two well-separated clusters, around (0.2, 0.2) for class 0 and (0.8, 0.8) for class 1, each
   * coordinate within ±0.15: a line separates them with a margin of about 0.4.
   */
  static void writeClusters(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("label,x,y\n");
    for (int i = 0; i < rows; i++) {
      int label = i % 2;
      double centre = label == 0 ? 0.2 : 0.8;
      csv.append(String.format(Locale.ROOT, "%d,%.4f,%.4f%n", label,
          centre + 0.3 * (random.nextDouble() - 0.5), centre + 0.3 * (random.nextDouble() - 0.5)));
    }
    Files.writeString(file, csv);
  }

  @Test
  void train_separableCsv_lastEpochAbove90Percent() throws IOException {
    writeClusters(data.resolve("train.csv"), 200, 1);
    writeClusters(data.resolve("test.csv"), 100, 2);
    int exitCode = run("train", "--dataset", "csv", "--data", data.toString(),
        "--sizes", "2,5,2", "--epochs", "20", "--eta", "1.0");
    assertThat(exitCode).as("standard error: %s", err).isZero();
    List<Matcher> epochs = out.toString().lines().map(EPOCH::matcher).filter(Matcher::matches).toList();
    assertThat(epochs).as("output: %s", out).hasSize(20);
    Matcher last = epochs.get(19);
    assertThat(last.group(1)).isEqualTo("19");
    assertThat(last.group(3)).isEqualTo("100");
    assertThat(Integer.parseInt(last.group(2))).as("last epoch: %s", last.group()).isGreaterThan(90);
  }

  @Test
  void train_json_writesOneValidObjectPerEpochWithNullForFiguresNotMonitored() throws IOException {
    writeClusters(data.resolve("train.csv"), 40, 1);
    writeClusters(data.resolve("test.csv"), 20, 2);
    int exitCode = run("train", "--dataset", "csv", "--data", data.toString(),
        "--sizes", "2,5,2", "--epochs", "2", "--json");
    assertThat(exitCode).as("standard error: %s", err).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(2);
    com.fasterxml.jackson.databind.ObjectMapper strict = new com.fasterxml.jackson.databind.ObjectMapper();
    for (int epoch = 0; epoch < 2; epoch++) {
      com.fasterxml.jackson.databind.JsonNode line = strict.readTree(lines.get(epoch));
      assertThat(line.get("epoch").asInt()).isEqualTo(epoch);
      assertThat(line.get("evaluated").asInt()).isEqualTo(20);
      assertThat(line.get("evaluationAccuracy").isNumber()).as(lines.get(epoch)).isTrue();
      // Not monitored in a plain run: null, as JSON has no NaN.
      assertThat(line.get("trainingCost").isNull()).as(lines.get(epoch)).isTrue();
    }
  }

  @Test
  void train_nanInCsv_isOneLineNamingTheFileAndExitCodeOne() throws IOException {
    writeClusters(data.resolve("train.csv"), 20, 1);
    Files.writeString(data.resolve("test.csv"), "0,0.1,0.2\n1,NaN,0.8\n");
    int exitCode = run("train", "--dataset", "csv", "--data", data.toString(),
        "--sizes", "2,5,2", "--epochs", "1");
    assertThat(exitCode).isEqualTo(1);
    String text = err.toString();
    assertThat(text.lines()).as("standard error: %s", text).hasSize(1);
    assertThat(text).contains(data.resolve("test.csv") + ":2:", "NaN")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }
}
