package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.nnj.core.Checkpoint;
import dev.nnj.core.EpochResult;
import dev.nnj.core.History;
import dev.nnj.core.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {

  @TempDir Path directory;

  private final ObjectMapper mapper =
      Guice.createInjector(new NnjModule()).getInstance(Registry.class).jsonMapper();
  private final ExperimentSpec experiment = ExperimentSpec.chapterOne().withSizes(List.of(2, 3, 2));
  private final Network network = Network.initialised(experiment.network(), 4);

  private Checkpoint after(int epochs, int bestEpoch) {
    List<EpochResult> results = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      double accuracy = e == bestEpoch ? 0.9 : 0.5;
      results.add(new EpochResult(e, 3.0, Double.NaN, Double.NaN, Double.NaN, accuracy,
          (int) (accuracy * 10), 10, 0.1));
    }
    return new Checkpoint(new History(results), new double[][] {{1.5, -2}}, network.parameterSnapshot());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void epochSaved_keepsTheLastThreeAndTheBest() throws IOException {
    CheckpointDirectory checkpoints = new CheckpointDirectory(directory, experiment, mapper);
    for (int epochs = 1; epochs <= 5; epochs++) {
      checkpoints.epochSaved(network, after(epochs, 1));
    }
    assertThat(names()).containsExactly("best.json", "epoch-0003.json", "epoch-0004.json", "epoch-0005.json");
  }

  @Test
  void latest_readsBackTheNewestCheckpoint() {
    CheckpointDirectory checkpoints = new CheckpointDirectory(directory, experiment, mapper);
    checkpoints.epochSaved(network, after(1, 0));
    checkpoints.epochSaved(network, after(2, 0));
    CheckpointDirectory.Saved saved = CheckpointDirectory.latest(directory, mapper);
    assertThat(saved.checkpoint().epochsDone()).isEqualTo(2);
    assertThat(saved.checkpoint().history()).isEqualTo(after(2, 0).history());
    assertThat(saved.checkpoint().optimizerState()).isDeepEqualTo(new double[][] {{1.5, -2}});
    assertThat(saved.experiment()).isEqualTo(experiment);
    assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(network.parameterSnapshot());
  }

  @Test
  void midEpochCheckpoint_roundTripsItsBatchAndLeavesBestAlone() throws IOException {
    CheckpointDirectory checkpoints = new CheckpointDirectory(directory, experiment, mapper);
    checkpoints.epochSaved(network, after(1, 0));
    byte[] best = Files.readAllBytes(directory.resolve("best.json"));
    Checkpoint stopped = new Checkpoint(after(1, 0).history(), new double[][] {{3}},
        network.parameterSnapshot(), 17);
    Network moved = Network.initialised(experiment.network(), 5);
    checkpoints.epochSaved(moved, stopped);

    assertThat(Files.readAllBytes(directory.resolve("best.json"))).isEqualTo(best);
    CheckpointDirectory.Saved saved = CheckpointDirectory.latest(directory, mapper);
    assertThat(saved.checkpoint().batchesDone()).isEqualTo(17);
    assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(moved.parameterSnapshot());
  }

  @Test
  void opening_removesTemporaryFilesLeftByAKilledProcess() throws IOException {
    Files.writeString(directory.resolve(".epoch-0002.json.k3j2.tmp"), "{\"format\": 1, \"siz");
    new CheckpointDirectory(directory, experiment, mapper);
    assertThat(names()).isEmpty();
  }

  @Test
  void latest_ofADirectoryWithoutCheckpoints_isOneLine() {
    assertThatThrownBy(() -> CheckpointDirectory.latest(directory, mapper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no checkpoint (epoch-NNNN.json) in " + directory);
  }
}
