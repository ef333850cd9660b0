package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.experiments.CheckpointDirectory;
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
 * {@code nnj train}'s outputs: no run destroys another's files or its own. Each refusal is one
 * line, comes before any training, and leaves every existing file as it was.
 */
class TrainOutputsTest extends CommandLineHarness {

  @TempDir Path directory;

  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);
  private Path data;
  private Path model;

  @BeforeEach
  void csvDataAndAnEarlierModel() throws IOException {
    data = Files.createDirectory(directory.resolve("data"));
    CsvTrainTest.writeClusters(data.resolve("train.csv"), 40, 1);
    CsvTrainTest.writeClusters(data.resolve("test.csv"), 20, 2);
    model = Files.writeString(directory.resolve("model.json"), "the user's earlier model");
  }

  /** {@code nnj train} on the CSV clusters, two epochs, with {@code more} arguments. */
  private int train(String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--dataset", "csv", "--data",
        data.toString(), "--sizes", "2,5,2", "--epochs", "2"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** Every file under {@code directory} with its bytes, to show that nothing changed. */
  private Map<String, String> files() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(directory.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  /** A refusal before training: exit code 2, one line, no epoch run, no file changed. */
  private void assertRefusedUpFront(Map<String, String> before, String message) throws IOException {
    assertThat(err.toString().strip()).isEqualTo("nnj: " + message + " (see 'nnj train --help')");
    assertThat(oneErrorLine()).isNotEmpty();
    assertThat(out.toString()).isEmpty();
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void saveAndHistoryNamingOneFile_areRefusedBeforeTraining() throws IOException {
    Map<String, String> before = files();
    assertThat(train("--save", model.toString(), "--history", model.toString())).isEqualTo(2);
    assertRefusedUpFront(before, "--save and --history name one file, " + model.toRealPath()
        + "; give each its own");
  }

  @Test
  void twoSpellingsOfOneFile_areOneFile() throws IOException {
    Path alias = Files.createSymbolicLink(directory.resolve("alias"), directory);
    Path other = alias.resolve("sub").resolve("..").resolve("model.json");
    Files.createDirectory(directory.resolve("sub"));
    Map<String, String> before = files();
    assertThat(train("--save", model.toString(), "--history", other.toString())).isEqualTo(2);
    assertRefusedUpFront(before, "--save and --history name one file, " + model.toRealPath()
        + "; give each its own");
  }

  @Test
  void historyAsACheckpointFile_isRefused() throws IOException {
    Path checkpoints = Files.createDirectory(directory.resolve("checkpoints"));
    Path history = checkpoints.resolve("best.json");
    Map<String, String> before = files();
    assertThat(train("--checkpoint", checkpoints.toString(), "--history", history.toString()))
        .isEqualTo(2);
    assertRefusedUpFront(before, "--history " + history + " is one of the --checkpoint "
        + "directory's own files; give it another name or place");
    assertThat(checkpoints).isEmptyDirectory();
  }

  @Test
  void saveOverTheSpec_isRefused() throws IOException {
    Path spec = Files.writeString(directory.resolve("spec.json"),
        "{\"sizes\": [2, 5, 2], \"dataset\": \"csv\", \"epochs\": 1}");
    Map<String, String> before = files();
    assertThat(run("train", spec.toString(), "--data", data.toString(), "--save", spec.toString()))
        .isEqualTo(2);
    assertRefusedUpFront(before, "--save " + spec + " would overwrite the experiment SPEC it "
        + "reads; give another file");
  }

  @Test
  void typoedDirectories_areRefusedBeforeTraining() throws IOException {
    Path typo = directory.resolve("runz");
    Map<String, String> before = files();
    assertThat(train("--save", typo.resolve("model.json").toString())).isEqualTo(2);
    assertRefusedUpFront(before, "cannot write " + typo.resolve("model.json") + ": no directory "
        + typo);

    err.getBuffer().setLength(0);
    assertThat(train("--checkpoint", typo.resolve("checkpoints").toString())).isEqualTo(2);
    assertRefusedUpFront(before, "cannot create --checkpoint " + typo.resolve("checkpoints")
        + ": no directory " + typo);
    assertThat(typo).doesNotExist();
  }

  @Test
  void checkpointNamingAFile_isRefused() throws IOException {
    Map<String, String> before = files();
    assertThat(train("--checkpoint", model.toString())).isEqualTo(2);
    assertRefusedUpFront(before, "--checkpoint " + model + ": it is a file, not a directory");
  }

  @Test
  void secondRunOnOneCheckpointDirectory_isRefusedNamingTheFirst() throws IOException {
    Path checkpoints = directory.resolve("checkpoints");
    try (CheckpointDirectory first = CheckpointDirectory.open(checkpoints, registry.jsonMapper())) {
      Map<String, String> before = files();
      assertThat(train("--checkpoint", checkpoints.toString())).isEqualTo(1);
      assertThat(oneErrorLine()).isEqualTo("nnj: error: checkpoint directory " + checkpoints
          + " is in use by nnj process " + ProcessHandle.current().pid()
          + "; wait for it to end, or give another directory");
      assertThat(out.toString()).isEmpty();
      assertThat(files()).isEqualTo(before);
    }
  }

  @Test
  void newRunInADirectoryOfAnotherRun_isRefused() throws IOException {
    Path checkpoints = directory.resolve("checkpoints");
    assertThat(train("--checkpoint", checkpoints.toString())).as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0); // the warning that two epochs stayed near chance
    Map<String, String> before = files();

    assertThat(train("--checkpoint", checkpoints.toString(), "--seed", "2")).isEqualTo(1);

    assertThat(oneErrorLine()).isEqualTo("nnj: error: checkpoint directory " + checkpoints
        + " holds another run's checkpoints (epoch-0002.json): continue that run with --resume "
        + checkpoints + ", or give an empty directory");
    assertThat(out.toString()).isEmpty();
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void historyAndSave_areWrittenWholeWithNoTemporaryLeft() throws IOException {
    Path history = directory.resolve("history.csv");
    assertThat(train("--save", model.toString(), "--history", history.toString()))
        .as(err.toString()).isZero();
    assertThat(Files.readString(history)).startsWith("epoch,learning_rate").hasLineCount(3);
    assertThat(Files.readString(model)).startsWith("{");
    assertThat(files().keySet()).allMatch(name -> !name.endsWith(".tmp"));
  }
}
