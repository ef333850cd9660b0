package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What cannot fit in memory is refused before it is allocated, in one line naming the size and
 * the limit, and writes nothing: no checkpoint directory, the existing --save file unchanged. An
 * {@link OutOfMemoryError} that still happens is one line too. The data are small CSV files, so
 * no test needs MNIST; the runs that must stay within a heap run in a child JVM given one.
 */
class MemoryLimitsTest extends CommandLineHarness {

  @TempDir Path directory;

  private Path saved;
  private Path checkpoints;

  @BeforeEach
  void existingModelFile() throws IOException {
    saved = directory.resolve("model.json");
    Files.writeString(saved, "the user's earlier model");
    checkpoints = directory.resolve("checkpoints");
  }

  /** {@code train.csv} and {@code test.csv} of {@code rows} rows of zeros, labels 0 to 9 in turn. */
  static Path csvData(Path parent, String name, int features, int rows) throws IOException {
    Path data = Files.createDirectories(parent.resolve(name));
    String zeros = ",0".repeat(features) + "\n";
    for (String file : List.of("train.csv", "test.csv")) {
      try (Writer out = Files.newBufferedWriter(data.resolve(file))) {
        for (int i = 0; i < rows; i++) {
          out.write(i % 10 + zeros);
        }
      }
    }
    return data;
  }

  static Stream<Arguments> tooBig() {
    List<String> deep = new ArrayList<>(List.of("2"));
    for (int l = 0; l < 20_001; l++) {
      deep.add("10");
    }
    return Stream.of(
        Arguments.of(784, 10, List.of("--sizes", "784,100000000,10"),
            "nnj: error: training the network [784, 100000000, 10] in mini-batches of 10 needs at "
                + "least "),
        Arguments.of(784, 10, List.of("--sizes", "784,2147483647,10"),
            "nnj: error: training the network [784, 2147483647, 10] in mini-batches of 10 needs "
                + "at least "),
        Arguments.of(784, 10, List.of("--sizes", "784,100000,100000,10"),
            "nnj: error: training the network [784, 100000, 100000, 10] in mini-batches of 10 "
                + "needs at least "),
        // MNIST's 50,000 training images in one mini-batch, through 20,001 layers of ten.
        Arguments.of(2, 50_000, List.of("--sizes", String.join(",", deep), "--batch", "50000"),
            "nnj: error: training the network [2, 10, 10, …, 10] (20001 layers) in mini-batches "
                + "of 50000 needs at least "));
  }

  @ParameterizedTest
  @MethodSource("tooBig")
  void train_networkBeyondTheHeap_refusedInOneLineWritingNothing(int features, int rows,
      List<String> options, String message) throws IOException {
    Path data = csvData(directory, "data", features, rows);
    List<String> args = new ArrayList<>(List.of("train", "--dataset", "csv", "--data",
        data.toString(), "--epochs", "1", "--checkpoint", checkpoints.toString(),
        "--save", saved.toString()));
    args.addAll(options);
    assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
    assertThat(oneErrorLine()).startsWith(message)
        .contains("more than this JVM's maximum heap of ");
    assertThat(checkpoints).doesNotExist();
    assertThat(saved).hasContent("the user's earlier model");
  }

  /** Runs {@code nnj args…} in a child JVM with {@code -Xmx<heap>}; returns its exit code. */
  static int runChild(Path directory, String heap, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(args);
    Process process = new ProcessBuilder(command)
        .redirectOutput(directory.resolve("child.out").toFile())
        .redirectError(directory.resolve("child.err").toFile())
        .start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the child JVM did not finish in 2 minutes");
    }
    return process.exitValue();
  }

  /** The child's standard error, asserted to be one line with no stack trace. */
  static String childErrorLine(Path directory) throws IOException {
    String text = Files.readString(directory.resolve("child.err"));
    assertThat(text.lines()).as("standard error: %s", text).hasSize(1);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    return text.strip();
  }

  @Test
  void train_hundredMillionNeuronsIn256MiB_refusedNamingThatHeap() throws Exception {
    Path data = csvData(directory, "data", 784, 10);
    int code = runChild(directory, "256m", List.of("train", "--dataset", "csv", "--data",
        data.toString(), "--sizes", "784,100000000,10", "--checkpoint", checkpoints.toString(),
        "--save", saved.toString()));
    assertThat(code).isEqualTo(1);
    assertThat(childErrorLine(directory))
        .startsWith("nnj: error: training the network [784, 100000000, 10] in mini-batches of 10 "
            + "needs at least ")
        .matches(".*more than this JVM's maximum heap of 2[0-9][0-9]\\.\\d MiB \\(-Xmx\\).*");
    assertThat(checkpoints).doesNotExist();
    assertThat(saved).hasContent("the user's earlier model");
  }

  @Test
  void train_dataBeyondTheHeap_outOfMemoryInOneLine() throws Exception {
    // 12,000 rows of 784 features: 37.6 MB of floats, more than the whole 32 MiB heap.
    Path data = csvData(directory, "data", 784, 12_000);
    int code = runChild(directory, "32m", List.of("train", "--dataset", "csv", "--data",
        data.toString(), "--sizes", "784,30,10", "--epochs", "1", "--save", saved.toString()));
    assertThat(code).isEqualTo(1);
    assertThat(childErrorLine(directory))
        .matches("nnj: error: out of memory \\(Java heap space\\) within this JVM's maximum heap "
            + "of \\d+\\.\\d MiB; give Java more with JAVA_OPTS=-Xmx…, or use smaller layers, "
            + "mini-batches or data");
    assertThat(saved).hasContent("the user's earlier model");
  }
}
