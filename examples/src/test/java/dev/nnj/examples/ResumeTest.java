package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.core.History;
import dev.nnj.core.NetworkFile;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnj train --resume DIR}: the same run, extended only by --epochs, or a clear refusal in
 * one line that leaves the checkpoints as they were.
 */
class ResumeTest extends CommandLineHarness {

  @TempDir Path directory;

  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);
  private Path data;
  private Path checkpoints;

  /** A finished two-epoch run on the CSV clusters, checkpointed. */
  @BeforeEach
  void checkpointedRun() throws IOException {
    data = Files.createDirectory(directory.resolve("data"));
    CsvTrainTest.writeClusters(data.resolve("train.csv"), 40, 1);
    CsvTrainTest.writeClusters(data.resolve("test.csv"), 20, 2);
    checkpoints = directory.resolve("checkpoints");
    assertThat(run("train", "--dataset", "csv", "--data", data.toString(), "--sizes", "2,5,2",
        "--epochs", "2", "--batch", "4", "--checkpoint", checkpoints.toString()))
        .as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0); // a warning if two epochs stayed near chance
  }

  private int resume(String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--resume", checkpoints.toString(),
        "--data", data.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  @Test
  void optionsThatChangeTheRun_areRefusedNamingBothValues() throws IOException {
    Map<String, String> before = files();
    assertThat(resume("--epochs", "4", "--eta", "0.5", "--batch", "10", "--seed", "7"))
        .isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("nnj: --batch 10 differs from the resumed run's 4; "
        + "--eta 0.5 differs from the resumed run's 3.0; --seed 7 differs from the resumed run's 1: "
        + "--resume continues a run as it was; only --epochs may change, to extend it"
        + " (see 'nnj train --help')");
    assertThat(out.toString()).isEmpty();
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void anotherDataset_isRefused() throws IOException {
    Map<String, String> before = files();
    assertThat(resume("--dataset", "mnist")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--dataset mnist differs from the resumed run's csv");
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void fewerEpochsThanDone_isRefused() throws IOException {
    Map<String, String> before = files();
    assertThat(resume("--epochs", "1")).isEqualTo(2);
    assertThat(oneErrorLine()).startsWith(
        "nnj: --epochs 1 is fewer than the 2 epochs the run has already begun: ");
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void theValuesItRanWith_pass() {
    assertThat(resume("--epochs", "3", "--batch", "4", "--eta", "3", "--seed", "1"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Epoch 2: ").hasLineCount(1);
  }

  @Test
  void moreEpochs_extendTheRunAndRecordIt() throws IOException {
    Path saved = directory.resolve("resumed.json");
    assertThat(resume("--epochs", "4", "--save", saved.toString())).as(err.toString()).isZero();
    assertThat(out.toString().lines()).extracting(line -> line.substring(0, 8))
        .containsExactly("Epoch 2:", "Epoch 3:");
    ExperimentSpec recorded = registry.jsonMapper().treeToValue(
        NetworkFile.read(saved, registry.jsonMapper()).training(), ExperimentSpec.class);
    assertThat(recorded.epochs()).isEqualTo(4);
    assertThat(recorded.batchSize()).isEqualTo(4);
  }

  @Test
  void aFinishedRun_saysSoAndStillWritesTheOutputs() throws IOException {
    Map<String, String> before = files();
    Path history = directory.resolve("history.json");
    assertThat(resume("--history", history.toString())).isZero();
    assertThat(oneErrorLine()).isEqualTo("nnj: the run in " + checkpoints + " was already "
        + "finished (all 2 epochs done): nothing more to train; --epochs N, more than 2, extends it");
    assertThat(out.toString()).isEmpty();
    assertThat(History.readJson(history).epochs()).hasSize(2);
    Map<String, String> after = files();
    after.remove("history.json");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aPlainSavedNetworkAsCheckpoint_isOneLine() throws IOException {
    Path other = Files.createDirectory(directory.resolve("other"));
    Path model = directory.resolve("model.json");
    assertThat(run("train", "--dataset", "csv", "--data", data.toString(), "--sizes", "2,5,2",
        "--epochs", "1", "--save", model.toString())).isZero();
    Files.copy(model, other.resolve("epoch-0001.json"));
    err.getBuffer().setLength(0);
    assertThat(run("train", "--resume", other.toString(), "--data", data.toString())).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo("nnj: error: " + other.resolve("epoch-0001.json")
        + ": a saved network, not a checkpoint: it holds no training state (nnj train "
        + "--checkpoint DIR writes checkpoints; --save writes networks)");
  }

  @Test
  void anEpochNumberNoRunReaches_isOneLine() throws IOException {
    Path file = Files.copy(checkpoints.resolve("epoch-0002.json"),
        checkpoints.resolve("epoch-99999999999.json"));
    Map<String, String> before = files();
    assertThat(resume()).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo("nnj: error: " + file + ": not a checkpoint nnj writes: "
        + "epoch 99999999999 is beyond any run (at most 2147483647 epochs)");
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void aFileForTheDirectory_isOneLine() {
    Path file = checkpoints.resolve("epoch-0002.json");
    assertThat(run("train", "--resume", file.toString())).isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("nnj: --resume " + file
        + ": it is a file, not a directory (see 'nnj train --help')");
  }
}
