package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every bad input to {@code nnj train} gets one line on standard error, an exit code other than
 * 0, and writes nothing: an existing --save file keeps its bytes, no --history or checkpoint
 * appears.
 */
class BadInputTest {

  @TempDir static Path shared;
  @TempDir Path directory;

  private Path saved;
  private Path history;
  private Path checkpoints;

  @BeforeEach
  void existingModelFile() throws IOException {
    saved = directory.resolve("model.json");
    Files.writeString(saved, "the user's earlier model");
    history = directory.resolve("history.json");
    checkpoints = directory.resolve("checkpoints");
  }

  static Stream<Arguments> badInputs() throws IOException {
    Path wrongMagic = fakeMnist("wrong-magic", true);
    Path wrongChecksum = fakeMnist("wrong-checksum", false);
    Path directoryInPlace = fakeMnist("directory-in-place", false);
    Files.delete(directoryInPlace.resolve("t10k-labels-idx1-ubyte"));
    Path inTheWay = Files.createDirectory(directoryInPlace.resolve("t10k-labels-idx1-ubyte"));
    Path unknownField = write("unknown-field.json", "{\"epochz\": 3}");
    Path unknownType = write("unknown-type.json", "{\"cost\": {\"type\": \"hinge\"}}");
    Path badRange = write("bad-range.json", "{\"regularization\": {\"type\": \"l2\", \"lambda\": -1}}");
    Path notJson = write("not-json.json", "{\"epochs\": 3,");
    Path mispaired = write("mispaired.json", "{\"cost\": {\"type\": \"log-likelihood\"}}");
    Path unknownLayer = write("unknown-layer.json", "{\"layers\": [{\"type\": \"lstm\"}]}");
    Path zeroUnits = write("zero-units.json",
        "{\"layers\": [{\"type\": \"dense\", \"units\": 0}, {\"type\": \"dense\", \"units\": 10}]}");
    Path rateOne = write("rate-one.json",
        "{\"layers\": [{\"type\": \"dropout\", \"rate\": 1.0}, {\"type\": \"dense\", \"units\": 10}]}");
    Path fractionalEpochs = write("fractional-epochs.json", "{\"epochs\": 2.9}");
    Path keyTwice = write("key-twice.json", "{\"epochs\": 2, \"epochs\": 3}");
    Path bothForms = write("both-forms.json",
        "{\"sizes\": [784, 10], \"layers\": [{\"type\": \"dense\", \"units\": 10}]}");
    return Stream.of(
        Arguments.of("unknown layer type", List.of(unknownLayer.toString()),
            "unknown layer 'lstm'; known: conv, dense, dropout, flatten, max-pool"),
        Arguments.of("dense layer of no units", List.of(zeroUnits.toString()),
            "layer 'dense': dense: units must be >= 1: 0"),
        Arguments.of("dropout rate of one", List.of(rateOne.toString()),
            "layer 'dropout': dropout: rate must be in [0, 1): 1.0"),
        Arguments.of("layers and sizes at once", List.of(bothForms.toString()),
            "either as \"layers\" or as \"sizes\""),
        Arguments.of("fraction for a whole number", List.of(fractionalEpochs.toString()),
            "nnj: error: " + fractionalEpochs
                + " (line 1, column 12): epochs cannot be 2.9; it takes a whole number"),
        Arguments.of("key given twice", List.of(keyTwice.toString()),
            "nnj: error: " + keyTwice + " (line 1, column 23): \"epochs\" is given twice; give each key once"),
        Arguments.of("unknown option", List.of("--epoch", "3"), "Unknown option"),
        Arguments.of("list option given twice", List.of("--sizes", "784,10,10", "--sizes", "784,30,10"),
            "nnj: --sizes was given more than once (784,10,10 and 784,30,10); give it once"
                + " (see 'nnj train --help')"),
        Arguments.of("empty list element at the end", List.of("--sizes", "784,10,"),
            "nnj: --sizes has an empty element: 784,10, (see 'nnj train --help')"),
        Arguments.of("empty list element inside", List.of("--sizes", "784,,10"),
            "nnj: Invalid value for option '--sizes' (N,N[,N...]): '' is not an int"
                + " (see 'nnj train --help')"),
        Arguments.of("option given twice", List.of("--eta", "1", "--eta", "2"),
            "nnj: option '--eta' (η) should be specified only once (see 'nnj train --help')"),
        Arguments.of("negative learning rate", List.of("--eta", "-1"), "--eta must be a positive number"),
        Arguments.of("zero batch", List.of("--batch", "0"), "--batch must be a positive integer"),
        Arguments.of("unknown spec field", List.of(unknownField.toString()), "unknown field \"epochz\""),
        Arguments.of("unknown type name", List.of(unknownType.toString()), "unknown cost 'hinge'; known: cross-entropy, log-likelihood, quadratic"),
        Arguments.of("hyperparameter out of range", List.of(badRange.toString()), "lambda must be >= 0"),
        Arguments.of("truncated spec", List.of(notJson.toString()), "not-json.json"),
        Arguments.of("cost for another output activation", List.of(mispaired.toString()),
            "assumes a Softmax output layer"),
        Arguments.of("wrong magic number", List.of("--data", wrongMagic.toString()), "magic"),
        Arguments.of("directory where a data file should be",
            List.of("--data", directoryInPlace.toString()),
            "nnj: error: " + inTheWay + ": is a directory, not a data file"),
        // Three images where the published file has 60,000: refused from the header, before the
        // checksum is even taken (the SHA-256 refusal: MnistTest).
        Arguments.of("not the published file", List.of("--data", wrongChecksum.toString()),
            "not the [60000×28×28] of the published file"),
        Arguments.of("unknown dataset", List.of("--dataset", "cifar"), "unknown dataset 'cifar'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInput_isOneLineAndWritesNothing(String what, List<String> arguments, String message)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("train", "--epochs", "1",
        "--save", saved.toString(), "--history", history.toString(),
        "--checkpoint", checkpoints.toString()));
    args.addAll(arguments);
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));

    int exit = commandLine.execute(args.toArray(String[]::new));

    assertThat(exit).isNotZero();
    assertThat(err.toString().lines()).as(err.toString()).hasSize(1);
    assertThat(err.toString()).contains(message).doesNotContain("\tat ");
    assertThat(saved).hasContent("the user's earlier model");
    assertThat(history).doesNotExist();
    assertThat(checkpoints).doesNotExist();
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(shared.resolve(name), text);
  }

  /** Four well-formed small IDX files (not MNIST's checksums), or one with a wrong magic number. */
  private static Path fakeMnist(String name, boolean wrongMagic) throws IOException {
    Path dir = Files.createDirectories(shared.resolve(name));
    idx(dir.resolve("train-images-idx3-ubyte"), wrongMagic ? 0x0903 : 0x0803, 3, 28, 28);
    idx(dir.resolve("train-labels-idx1-ubyte"), 0x0801, 3);
    idx(dir.resolve("t10k-images-idx3-ubyte"), 0x0803, 2, 28, 28);
    idx(dir.resolve("t10k-labels-idx1-ubyte"), 0x0801, 2);
    return dir;
  }

  private static void idx(Path file, int magic, int... dimensions) throws IOException {
    int count = 1;
    for (int d : dimensions) {
      count *= d;
    }
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + count);
    buffer.putInt(magic);
    for (int d : dimensions) {
      buffer.putInt(d);
    }
    Files.write(file, buffer.array());
  }
}
