package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnj eval}'s help and its failures; evaluating on real MNIST belongs to the *IT tests. */
class EvalCommandTest extends CommandLineHarness {

  @TempDir Path directory;

  @Test
  void help_describesTheFileTheDataAndTheOutput() {
    assertThat(run("eval", "--help")).isZero();
    assertThat(out.toString())
        .contains("FILE", "--data", "nnj train --save FILE", "Test accuracy: 9507 / 10000 (95.07 %)",
            "confusion matrix");
  }

  @Test
  void topLevelHelp_listsEval() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("eval");
  }

  @Test
  void missingFile_isOneLineAndExitCodeOne() {
    Path absent = directory.resolve("absent.json");
    assertThat(run("eval", absent.toString(), "--data", directory.toString())).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo("nnj: error: " + absent + ": cannot read: no such file or directory");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void fileOfAFutureFormat_isOneLineNamingTheFormat_andReadsNoData() throws IOException {
    Path file = directory.resolve("future.json");
    Files.writeString(file, "{\"format\": 3, \"layers\": []}");
    Path data = Files.createDirectory(directory.resolve("data"));

    assertThat(run("eval", file.toString(), "--data", data.toString())).isEqualTo(1);

    assertThat(oneErrorLine())
        .isEqualTo("nnj: error: " + file + ": was written in format 3; this nnj reads formats 1 and 2");
    assertThat(data).isEmptyDirectory();
  }

  @Test
  void unknownActivation_isOneLineListingTheKnownNames() throws IOException {
    Path file = directory.resolve("net.json");
    Files.writeString(file, """
        {"format": 1, "sizes": [2, 1], "activations": [{"type": "sigmod"}], "cost": null,
         "weights": [[[0.5, 0.5]]], "biases": [[0.0]], "training": null}
        """);

    assertThat(run("eval", file.toString(), "--data", directory.toString())).isEqualTo(1);

    assertThat(oneErrorLine()).contains("activations[0]", "'sigmod'", "sigmoid", "tanh", "relu");
  }

  @Test
  void noFile_isAUsageError() {
    assertThat(run("eval")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("FILE");
  }
}
