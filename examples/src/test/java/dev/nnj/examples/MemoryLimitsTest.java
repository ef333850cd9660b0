package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What cannot fit in memory is refused before it is allocated, in one line naming the size and
 * the limit, and writes nothing: no checkpoint directory, the existing --save file unchanged. An
 * {@link OutOfMemoryError} that still happens is one line too. The data are small CSV files, so
 * no test needs MNIST; the runs that must stay within a heap run in a child JVM given one.
 */
class MemoryLimitsTest extends CommandLineHarness {

  @TempDir static Path shared;
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
        .matches("nnj: error: out of memory \\([^)]+\\) within this JVM's maximum heap "
            + "of \\d+\\.\\d MiB; give Java more with JAVA_OPTS=-Xmx…, or use smaller layers, "
            + "mini-batches or data");
    assertThat(saved).hasContent("the user's earlier model");
  }

  /**
   * An all-black 1-bit greyscale PNG of {@code side × side} pixels, written chunk by chunk: its
   * rows of zeros deflate about a thousandfold, so a 30000 × 30000 picture takes some 100 KB on
   * disk and a few KB of heap to make, whatever decoding it would take.
   */
  static Path blackPng(Path file, int side) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side)
          .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
      chunk(out, "IHDR", header.array());
      ByteArrayOutputStream compressed = new ByteArrayOutputStream();
      try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed,
          new Deflater(Deflater.BEST_COMPRESSION))) {
        byte[] row = new byte[1 + (side + 7) / 8]; // filter type 0, then the packed bits
        for (int y = 0; y < side; y++) {
          deflater.write(row);
        }
      }
      chunk(out, "IDAT", compressed.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
    return file;
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(name);
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  @Test
  void read_blackPngOf30000Square_refusedFromItsHeaderBeforeDecoding() throws IOException {
    Path big = blackPng(directory.resolve("big.png"), 30_000);
    assertThat(Files.size(big)).isLessThan(1 << 20);
    // 900 million pixels of 1 bit and 8 bytes of intensity each: 6.8 GiB.
    assertThatThrownBy(() -> DigitImage.read(big, 256L << 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(big + ": a 30000×30000 image needs at least 6.8 GiB of memory to read, more "
            + "than this JVM's maximum heap of 256.0 MiB (-Xmx); scale it down first: a digit "
            + "needs no more than a few hundred pixels a side");
  }

  @Test
  void read_smallBlackPng_decodesAndFindsNoInk() throws IOException {
    // The same writer at a small size makes a PNG that decodes: the refusal above is the size's.
    Path small = blackPng(directory.resolve("small.png"), 40);
    assertThatThrownBy(() -> DigitImage.read(small, 256L << 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(small + ": no digit found: the image is blank");
  }

  @Test
  void predict_blackPngOf30000SquareIn256MiB_refusedInOneLine() throws Exception {
    Path data = csvData(directory, "data", 784, 10);
    Path model = directory.resolve("m.json");
    assertThat(run("train", "--dataset", "csv", "--data", data.toString(), "--sizes", "784,10",
        "--epochs", "1", "--quiet", "--save", model.toString())).as("err: %s", err).isZero();
    byte[] modelBytes = Files.readAllBytes(model);
    Path big = blackPng(directory.resolve("big.png"), 30_000);
    int code = runChild(directory, "256m", List.of("predict", model.toString(), big.toString()));
    assertThat(code).isEqualTo(1);
    assertThat(childErrorLine(directory))
        .matches("nnj: error: " + Pattern.quote(big.toString()) + ": a 30000×30000 image needs "
            + "at least 6\\.8 GiB of memory to read, more than this JVM's maximum heap of "
            + "2[0-9][0-9]\\.\\d MiB \\(-Xmx\\); scale it down first: a digit needs no more "
            + "than a few hundred pixels a side");
    assertThat(Files.readAllBytes(model)).isEqualTo(modelBytes);
  }

  /**
   * A directory of MNIST's four file names whose training images are a small {@code .gz}
   * declaring 2,739,000 images (2.1 GB) and holding 600 MiB of zeros: its buffer, doubling as
   * the zeros arrive, needs 1.5 GiB before any checksum is known. The others are never reached.
   * Made once for the class: writing it takes seconds.
   */
  static synchronized Path mnistWithBomb() throws IOException {
    Path data = shared.resolve("mnist");
    if (Files.isDirectory(data)) {
      return data;
    }
    Files.createDirectories(data);
    try (OutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(
        Files.newOutputStream(data.resolve("train-images-idx3-ubyte.gz"))))) {
      gzip.write(ByteBuffer.allocate(16).putInt(0x0803).putInt(2_739_000).putInt(28).putInt(28)
          .array());
      byte[] zeros = new byte[1 << 16];
      for (long written = 0; written < 600L << 20; written += zeros.length) {
        gzip.write(zeros);
      }
    }
    for (String name : List.of("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte")) {
      Files.writeString(data.resolve(name), "never read");
    }
    return data;
  }

  @ParameterizedTest
  @ValueSource(strings = {"datasets verify", "train"})
  void readingAGzipBombIn1GiB_refusedFromItsHeaderInOneLine(String command) throws Exception {
    Path data = mnistWithBomb();
    Path bomb = data.resolve("train-images-idx3-ubyte.gz");
    byte[] bombBytes = Files.readAllBytes(bomb);
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--data", data.toString()));
    int code = runChild(directory, "1g", args);
    assertThat(code).isEqualTo(1);
    assertThat(childErrorLine(directory)).isEqualTo("nnj: error: train-images-idx3-ubyte.gz: the "
        + "header declares [2739000×28×28], not the [60000×28×28] of the published file; the "
        + "file is not it, or corrupt");
    assertThat(Files.readAllBytes(bomb)).isEqualTo(bombBytes);
    assertThat(data.resolve("train-labels-idx1-ubyte")).hasContent("never read");
    try (Stream<Path> files = Files.list(data)) {
      assertThat(files).hasSize(4); // nothing fetched, nothing left behind
    }
  }
}
