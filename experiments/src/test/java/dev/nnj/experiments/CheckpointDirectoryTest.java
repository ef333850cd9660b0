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

  /**
   * A stack of layers with dropout between them, its masks drawn from the trainer's stream:
   * stopped after two of four epochs and resumed from the directory, it ends with the bits of an
   * uninterrupted run.
   */
  @Test
  void layeredRunWithDropout_resumedFromTheDirectory_endsAsAnUninterruptedRun() throws IOException {
    Path file = directory.resolve("spec.json");
    Files.writeString(file, """
        {"layers": [{"type": "dense", "units": 6, "activation": "tanh"},
                    {"type": "dropout", "rate": 0.3},
                    {"type": "dense", "units": 2, "activation": "softmax"}],
         "cost": "log-likelihood", "optimizer": {"type": "adam", "learningRate": 0.01},
         "dataset": "xor", "evaluateOn": "validation", "epochs": 4, "batchSize": 7, "seed": 2}""");
    com.google.inject.Injector injector = Guice.createInjector(new NnjModule(),
        new com.google.inject.AbstractModule() {
          @Override protected void configure() {
            dev.nnj.datasets.DatasetsModule.datasetBinder(binder()).addBinding("xor")
                .toInstance(new ExperimentSpecTest.Xor());
          }
        });
    Registry registry = injector.getInstance(Registry.class);
    ExperimentSpec spec = ExperimentSpec.read(file, registry);
    dev.nnj.datasets.Splits data = new ExperimentSpecTest.Xor().load(null);
    Experiment experiment = injector.getInstance(Experiment.class);

    Experiment.Result straight = experiment.run(spec, data, dev.nnj.core.TrainingListener.NONE);
    Path checkpoints = directory.resolve("checkpoints");
    experiment.run(spec.with(2, null, null, null), data, dev.nnj.core.TrainingListener.NONE, null,
        new CheckpointDirectory(checkpoints, spec, registry.jsonMapper()));
    CheckpointDirectory.Saved saved = CheckpointDirectory.latest(checkpoints, registry.jsonMapper());
    assertThat(saved.experiment()).isEqualTo(spec);
    Experiment.Result resumed = experiment.run(saved.experiment(), data,
        dev.nnj.core.TrainingListener.NONE, saved, null);

    assertThat(resumed.network().parameterSnapshot())
        .isDeepEqualTo(straight.network().parameterSnapshot());
    assertThat(resumed.history().epochs()).extracting(EpochResult::correct)
        .containsExactlyElementsOf(straight.history().epochs().stream()
            .map(EpochResult::correct).toList());
    assertThat(resumed.test()).isEqualTo(straight.test());
  }
}
