package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.NetworkSpec;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnj eval}'s help and its failures; evaluating on real MNIST belongs to the *IT tests. */
class EvalCommandTest extends CommandLineHarness {

  @TempDir Path directory;

  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);

  @Test
  void help_describesTheFileTheDataAndTheOutput() {
    assertThat(run("eval", "--help")).isZero();
    assertThat(out.toString())
        .contains("FILE", "--data", "--dataset", "nnj train --save FILE", "Test accuracy: 9507 / 10000 (95.07 %)",
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

  /** A [2, 2] sigmoid network with zero weights that answers class 1 whatever the input. */
  private Path alwaysOne(com.fasterxml.jackson.databind.JsonNode training) {
    Network network = Network.zeros(NetworkSpec.of(List.of(2, 2), registry.activation("sigmoid")));
    network.denseLayers().get(0).setBias(1, 1.0);
    Path file = directory.resolve("always-one.json");
    NetworkFile.write(file, network, null, training, registry.jsonMapper());
    return file;
  }

  /** CSV files of two classes in a directory of their own: test.csv has two 1s and one 0. */
  private Path csvData() throws IOException {
    Path data = Files.createDirectory(directory.resolve("csv"));
    Files.writeString(data.resolve("train.csv"), "0,0.1,0.2\n1,0.8,0.9\n");
    Files.writeString(data.resolve("test.csv"), "1,0.7,0.8\n0,0.2,0.1\n1,0.9,0.9\n");
    return data;
  }

  @Test
  void networkTrainedOnCsv_isEvaluatedOnCsvWithoutFetching() throws IOException {
    Path file = alwaysOne(registry.jsonMapper().valueToTree(ExperimentSpec.chapterOne()
        .withSizes(List.of(2, 2)).withDataset("csv")));
    Path data = csvData();

    assertThat(run("eval", file.toString(), "--data", data.toString())).as("%s", err).isZero();

    assertThat(out.toString()).startsWith("Test accuracy: 2 / 3 (66.67 %)");
    assertThat(err.toString()).isEmpty();
    try (var files = Files.list(data)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactlyInAnyOrder("train.csv", "test.csv");
    }
  }

  @Test
  void datasetOption_overridesTheNetworksDataset() throws IOException {
    Path file = alwaysOne(null); // no training record: MNIST unless told otherwise
    Path data = csvData();

    assertThat(run("eval", file.toString(), "--dataset", "csv", "--data", data.toString()))
        .as("%s", err).isZero();

    assertThat(out.toString()).startsWith("Test accuracy: 2 / 3 (66.67 %)");
  }

  @Test
  void noFile_isAUsageError() {
    assertThat(run("eval")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("FILE");
  }
}
