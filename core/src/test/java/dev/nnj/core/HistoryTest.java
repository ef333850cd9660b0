package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

  @TempDir Path directory;

  private final History history = new History(List.of(
      new EpochResult(0, 0.5, 0.3, 0.9, Double.NaN, 0.91, 9100, 10000, 1.5),
      new EpochResult(1, 0.5, 0.2, 0.95, Double.NaN, 0.93, 9300, 10000, 1.4),
      new EpochResult(2, 0.25, 0.1, 0.97, Double.NaN, 0.93, 9300, 10000, 1.3)));

  @Test
  void best_isTheFirstEpochWithTheHighestEvaluationAccuracy() {
    assertThat(history.best()).map(EpochResult::epoch).contains(1);
  }

  @Test
  void json_roundTripsNaNIncluded() throws IOException {
    Path file = directory.resolve("history.json");
    history.writeJson(file);
    assertThat(History.readJson(file)).isEqualTo(history);
    // JSON has no NaN: a figure not measured is null, not a string.
    String json = Files.readString(file);
    assertThat(json).contains("\"evaluationCost\" : null").doesNotContain("NaN");
  }

  @Test
  void json_readsTheStringNaNOfOlderFiles() throws IOException {
    Path file = directory.resolve("old.json");
    Files.writeString(file, "{\"epochs\":[{\"epoch\":0,\"learningRate\":0.5,\"trainingCost\":\"NaN\","
        + "\"trainingAccuracy\":0.9,\"evaluationCost\":null,\"evaluationAccuracy\":0.91,"
        + "\"correct\":9100,\"evaluated\":10000,\"trainingSeconds\":1.5}]}");
    EpochResult read = History.readJson(file).epochs().get(0);
    assertThat(read.trainingCost()).isNaN();
    assertThat(read.evaluationCost()).isNaN();
    assertThat(read.trainingAccuracy()).isEqualTo(0.9);
  }

  @Test
  void csv_hasAHeaderAndOneRowPerEpoch() throws IOException {
    Path file = directory.resolve("history.csv");
    history.writeCsv(file);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("epoch,learning_rate,training_cost");
    assertThat(lines.get(3)).startsWith("2,0.25,0.1,0.97,NaN,0.93,9300,10000,");
  }
}
