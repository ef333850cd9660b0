package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to bad input: one line on standard error, a non-zero exit code. */
class MainTest extends CommandLineHarness {

  @TempDir Path data;

  @Test
  void help_describesEveryTrainOption() {
    assertThat(run("train", "--help")).isZero();
    assertThat(out.toString())
        .contains("--sizes", "--epochs", "--batch", "--eta", "--seed", "--data");
  }

  @Test
  void topLevelHelp_listsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("train", "eval", "bench", "datasets", "sweep");
  }

  @Test
  void unknownCommand_isOneLineAndExitCodeTwo() {
    assertThat(run("tune")).isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("nnj: unknown command 'tune'; the commands are train, eval,"
        + " predict, plot, bench, datasets, sweep (see 'nnj --help')");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownCommandWithHelp_saysTheCommandIsUnknown() {
    assertThat(run("tune", "--help")).isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("nnj: unknown command 'tune'; the commands are train, eval,"
        + " predict, plot, bench, datasets, sweep (see 'nnj --help')");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownOption_isOneLineAndExitCodeTwo() {
    assertThat(run("train", "--epoch", "3")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("Unknown option", "--epoch", "nnj train --help");
  }

  @Test
  void nonPositiveEpochs_isRefused() {
    assertThat(run("train", "--epochs", "0")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--epochs must be a positive integer: 0");
  }

  @Test
  void nonPositiveBatch_isRefused() {
    assertThat(run("train", "--batch", "-3")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--batch must be a positive integer: -3");
  }

  @Test
  void nonPositiveLearningRate_isRefused() {
    assertThat(run("train", "--eta", "0")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--eta must be a positive number: 0.0");
  }

  @Test
  void nonNumericOption_isRefused() {
    assertThat(run("train", "--eta", "fast")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--eta", "fast");
  }

  @Test
  void zeroLayerSize_isRefused() {
    assertThat(run("train", "--sizes", "784,0,10")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--sizes must all be positive");
  }

  @Test
  void quietAndJson_excludeEachOther() {
    assertThat(run("train", "--quiet", "--json")).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--quiet and --json exclude each other");
  }

  @Test
  void unknownDataset_isOneLineListingTheKnownOnes() {
    assertThat(run("train", "--dataset", "cifar")).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo("nnj: error: unknown dataset 'cifar'; known: csv, fashion-mnist, mnist, mnist-expanded"
        + "; parts of your own load with --plugins JAR|DIR or $NNJ_PLUGINS");
  }

  @Test
  void saveIntoAMissingDirectory_isRefusedBeforeTraining() {
    assertThat(run("train", "--save", data.resolve("no/such/dir/net.json").toString())).isEqualTo(2);
    assertThat(oneErrorLine()).contains("cannot write", "no directory");
  }

  @Test
  void corruptDataFile_isOneLineNamingTheFile() throws IOException {
    writeIdx("train-images-idx3-ubyte", 0x803, new int[] {3, 28, 28});
    writeIdx("train-labels-idx1-ubyte", 0x801, new int[] {3});
    writeIdx("t10k-images-idx3-ubyte", 0x803, new int[] {2, 28, 28});
    // Wrong magic number: not an IDX file of unsigned bytes.
    Files.write(data.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 9, 1, 0, 0, 0, 2, 1, 2});
    assertThat(run("train", "--data", data.toString(), "--epochs", "1")).isEqualTo(1);
    assertThat(oneErrorLine()).startsWith("nnj: error:");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void dataThatIsNotThePublishedFile_isOneLineNamingTheFile() throws IOException {
    writeIdx("train-images-idx3-ubyte", 0x803, new int[] {3, 28, 28});
    writeIdx("train-labels-idx1-ubyte", 0x801, new int[] {3});
    writeIdx("t10k-images-idx3-ubyte", 0x803, new int[] {2, 28, 28});
    writeIdx("t10k-labels-idx1-ubyte", 0x801, new int[] {2});
    assertThat(run("train", "--data", data.toString(), "--epochs", "1")).isEqualTo(1);
    assertThat(oneErrorLine()).contains("train-images-idx3-ubyte: the header declares [3×28×28]")
        .contains("of the published file");
  }

  /** A well-formed IDX file of zeros; its checksum is not MNIST's. */
  private void writeIdx(String name, int magic, int[] dimensions) throws IOException {
    int count = 1;
    for (int d : dimensions) {
      count *= d;
    }
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + count);
    buffer.putInt(magic);
    for (int d : dimensions) {
      buffer.putInt(d);
    }
    Files.write(data.resolve(name), buffer.array());
  }
}
