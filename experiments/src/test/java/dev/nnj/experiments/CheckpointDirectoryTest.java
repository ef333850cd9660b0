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
  /** With momentum, whose velocities the checkpoint carries: one block per parameter block. */
  private final ExperimentSpec experiment = experiment("""
      {"sizes": [2, 3, 2], "optimizer": {"type": "momentum", "learningRate": 0.5, "momentum": 0.9}}""");
  private final Network network = Network.initialised(experiment.network(), 4);
  private final double[][] velocities = velocities(network, 0.25);

  private ExperimentSpec experiment(String json) {
    try {
      return mapper.readValue(json, ExperimentSpec.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double[][] velocities(Network network, double scale) {
    double[][] blocks = network.parameterSnapshot();
    for (double[] block : blocks) {
      for (int i = 0; i < block.length; i++) {
        block[i] = scale * block[i] + 1;
      }
    }
    return blocks;
  }

  private Checkpoint after(int epochs, int bestEpoch) {
    List<EpochResult> results = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      double accuracy = e == bestEpoch ? 0.9 : 0.5;
      results.add(new EpochResult(e, 3.0, Double.NaN, Double.NaN, Double.NaN, accuracy,
          (int) (accuracy * 10), 10, 0.1));
    }
    return new Checkpoint(new History(results), velocities, network.parameterSnapshot());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** Opens the directory for the test; JUnit's clean-up does not mind the lock file. */
  private CheckpointDirectory open() {
    return CheckpointDirectory.open(directory, mapper);
  }

  @Test
  void epochSaved_keepsTheLastThreeAndTheBest() throws IOException {
    try (CheckpointDirectory checkpoints = open()) {
      Checkpoint.Sink sink = checkpoints.startRun(experiment);
      for (int epochs = 1; epochs <= 5; epochs++) {
        sink.epochSaved(network, after(epochs, 1));
      }
    }
    assertThat(names()).containsExactly(".nnj.lock", "best.json", "epoch-0003.json",
        "epoch-0004.json", "epoch-0005.json");
  }

  @Test
  void latest_readsBackTheNewestCheckpoint() {
    try (CheckpointDirectory checkpoints = open()) {
      Checkpoint.Sink sink = checkpoints.startRun(experiment);
      sink.epochSaved(network, after(1, 0));
      sink.epochSaved(network, after(2, 0));
      CheckpointDirectory.Saved saved = checkpoints.latest();
      assertThat(saved.checkpoint().epochsDone()).isEqualTo(2);
      assertThat(saved.checkpoint().history()).isEqualTo(after(2, 0).history());
      assertThat(saved.checkpoint().optimizerState()).isDeepEqualTo(velocities);
      assertThat(saved.experiment()).isEqualTo(experiment);
      assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(network.parameterSnapshot());
    }
  }

  @Test
  void midEpochCheckpoint_roundTripsItsBatchAndLeavesBestAlone() throws IOException {
    try (CheckpointDirectory checkpoints = open()) {
      Checkpoint.Sink sink = checkpoints.startRun(experiment);
      sink.epochSaved(network, after(1, 0));
      byte[] best = Files.readAllBytes(directory.resolve("best.json"));
      Checkpoint stopped = new Checkpoint(after(1, 0).history(), velocities(network, 0.5),
          network.parameterSnapshot(), 17);
      Network moved = Network.initialised(experiment.network(), 5);
      sink.epochSaved(moved, stopped);

      assertThat(Files.readAllBytes(directory.resolve("best.json"))).isEqualTo(best);
      CheckpointDirectory.Saved saved = checkpoints.latest();
      assertThat(saved.checkpoint().batchesDone()).isEqualTo(17);
      assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(moved.parameterSnapshot());
    }
  }

  /**
   * Best first: when the epoch file cannot be written after an improvement (here a directory
   * stands in its way; a kill at that moment is the same), best.json is already the new best
   * epoch's network and the newest epoch file the one before it. The resume redoes the epoch and
   * writes the same best.json again; it is never left behind an epoch file that records it.
   */
  @Test
  void epochSaved_writesBestBeforeItsEpochFile() throws IOException {
    Network better = Network.initialised(experiment.network(), 5);
    try (CheckpointDirectory checkpoints = open()) {
      Checkpoint.Sink sink = checkpoints.startRun(experiment);
      sink.epochSaved(network, after(1, 0));
      Files.createDirectories(directory.resolve("epoch-0002.json").resolve("in-the-way"));

      assertThatThrownBy(() -> sink.epochSaved(better, after(2, 1)))
          .hasMessageStartingWith(directory.resolve("epoch-0002.json") + ": cannot write");

      assertThat(dev.nnj.core.NetworkFile.read(directory.resolve("best.json"), mapper).network()
          .parameterSnapshot()).isDeepEqualTo(better.parameterSnapshot());
    }
  }

  @Test
  void opening_removesOnlyNnjsTemporaryFilesOfCheckpoints() throws IOException {
    Files.writeString(directory.resolve(".epoch-0002.json.nnj-k3j2.tmp"), "{\"format\": 1, \"siz");
    Files.writeString(directory.resolve(".best.json.nnj-0a9z.tmp"), "{\"format\": 1, \"siz");
    Files.writeString(directory.resolve(".notes.tmp"), "the user's");
    Files.writeString(directory.resolve(".epoch-0002.json.k3j2.tmp"), "the user's too");
    Files.writeString(directory.resolve(".model.json.nnj-k3j2.tmp"), "another nnj's --save");
    open().close();
    assertThat(names()).containsExactly(".epoch-0002.json.k3j2.tmp", ".model.json.nnj-k3j2.tmp",
        ".nnj.lock", ".notes.tmp");
  }

  @Test
  void open_whileAnotherHoldsTheDirectory_isRefusedNamingTheProcess() throws IOException {
    try (CheckpointDirectory first = open()) {
      first.startRun(experiment).epochSaved(network, after(1, 0));
      byte[] before = Files.readAllBytes(directory.resolve("epoch-0001.json"));
      assertThatThrownBy(this::open)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("checkpoint directory " + directory + " is in use by nnj process "
              + ProcessHandle.current().pid() + "; wait for it to end, or give another directory");
      assertThat(Files.readAllBytes(directory.resolve("epoch-0001.json"))).isEqualTo(before);
    }
    open().close(); // released
  }

  @Test
  void startRun_inADirectoryOfAnotherRun_isRefused() throws IOException {
    try (CheckpointDirectory checkpoints = open()) {
      checkpoints.startRun(experiment).epochSaved(network, after(2, 0));
    }
    try (CheckpointDirectory checkpoints = open()) {
      assertThatThrownBy(() -> checkpoints.startRun(experiment))
          .hasMessage("checkpoint directory " + directory + " holds another run's checkpoints "
              + "(epoch-0002.json): continue that run with --resume " + directory
              + ", or give an empty directory");
    }
  }

  /** Killed between best.json and epoch-0001.json: nothing to resume, so a new run may start. */
  @Test
  void startRun_afterARunKilledInItsFirstEpoch_takesItsPlace() throws IOException {
    Path inTheWay = directory.resolve("epoch-0001.json").resolve("x");
    try (CheckpointDirectory checkpoints = open()) {
      Checkpoint.Sink sink = checkpoints.startRun(experiment);
      Files.createDirectories(inTheWay);
      assertThatThrownBy(() -> sink.epochSaved(network, after(1, 0))).isNotNull();
    }
    Files.delete(inTheWay);
    Files.delete(inTheWay.getParent());
    assertThat(names()).containsExactly(".nnj.lock", "best.json");
    try (CheckpointDirectory checkpoints = open()) {
      checkpoints.startRun(experiment).epochSaved(network, after(1, 0));
    }
    assertThat(names()).containsExactly(".nnj.lock", "best.json", "epoch-0001.json");
  }

  @Test
  void latest_ofADirectoryWithoutCheckpoints_isOneLine() {
    try (CheckpointDirectory checkpoints = open()) {
      assertThatThrownBy(checkpoints::latest)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no checkpoint (epoch-NNNN.json) in " + directory);
    }
  }

  @Test
  void latest_ofAPlainSavedNetwork_saysItIsNoCheckpoint() {
    Path file = directory.resolve("epoch-0001.json");
    dev.nnj.core.NetworkFile.write(file, network, experiment.cost(),
        mapper.valueToTree(experiment), mapper);
    try (CheckpointDirectory checkpoints = open()) {
      assertThatThrownBy(checkpoints::latest).hasMessage(file + ": a saved network, not a "
          + "checkpoint: it holds no training state (nnj train --checkpoint DIR writes "
          + "checkpoints; --save writes networks)");
    }
  }

  @Test
  void latest_ofAnEpochNoRunReaches_namesTheFile() throws IOException {
    Path file = Files.writeString(directory.resolve("epoch-99999999999.json"), "{}");
    try (CheckpointDirectory checkpoints = open()) {
      assertThatThrownBy(checkpoints::latest).hasMessage(file + ": not a checkpoint nnj writes: "
          + "epoch 99999999999 is beyond any run (at most 2147483647 epochs)");
    }
  }

  @Test
  void latest_whoseExperimentDisagreesWithItsWeights_isRefused() {
    Network other = Network.initialised(experiment.withSizes(List.of(2, 4, 2)).network(), 4);
    try (CheckpointDirectory checkpoints = open()) {
      checkpoints.startRun(experiment).epochSaved(other, after(1, 0));
      assertThatThrownBy(checkpoints::latest).hasMessage(directory.resolve("epoch-0001.json")
          + ": its experiment describes another network than its weights (sizes [2, 3, 2] "
          + "against weights of sizes [2, 4, 2]); it was not written by one run");
    }
  }

  @Test
  void latest_whoseNameDisagreesWithItsHistory_isRefused() throws IOException {
    try (CheckpointDirectory checkpoints = open()) {
      checkpoints.startRun(experiment).epochSaved(network, after(1, 0));
      Files.move(directory.resolve("epoch-0001.json"), directory.resolve("epoch-0004.json"));
      assertThatThrownBy(checkpoints::latest).hasMessage(directory.resolve("epoch-0004.json")
          + ": its history holds 1 epochs, its name says 4; was it renamed?");
    }
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
    CheckpointDirectory.Saved saved;
    try (CheckpointDirectory directory = CheckpointDirectory.open(checkpoints, registry.jsonMapper())) {
      experiment.run(spec.with(2, null, null, null), data, dev.nnj.core.TrainingListener.NONE, null,
          directory.startRun(spec));
      saved = directory.latest();
    }
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
