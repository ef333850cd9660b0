package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code nnj datasets list} and {@code verify} on generated files named with {@code --data}. The
 * files' checksums are not the published ones, so verify's success path is tested in the datasets
 * module, with checksum tables of its own.
 */
class DatasetsCommandTest extends CommandLineHarness {

  @TempDir Path data;

  /** The four files as well-formed gzipped IDX files of zeros: 3 training, 2 test images. */
  private void writeGzipFiles() throws IOException {
    writeGzip("train-images-idx3-ubyte", 0x803, 3, 28, 28);
    writeGzip("train-labels-idx1-ubyte", 0x801, 3);
    writeGzip("t10k-images-idx3-ubyte", 0x803, 2, 28, 28);
    writeGzip("t10k-labels-idx1-ubyte", 0x801, 2);
  }

  private void writeGzip(String name, int magic, int... dimensions) throws IOException {
    int count = 1;
    for (int d : dimensions) {
      count *= d;
    }
    ByteBuffer idx = ByteBuffer.allocate(4 + 4 * dimensions.length + count).putInt(magic);
    for (int d : dimensions) {
      idx.putInt(d);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(idx.array());
    }
    Files.write(data.resolve(name + ".gz"), bytes.toByteArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"list", "fetch", "verify"})
  void help_describesSubcommandAndData(String subcommand) {
    assertThat(run("datasets", subcommand, "--help")).isZero();
    assertThat(out.toString()).contains("nnj datasets " + subcommand, "--data");
  }

  @Test
  void help_listsTheSubcommands() {
    assertThat(run("datasets", "--help")).isZero();
    assertThat(out.toString()).contains("list", "fetch", "verify");
  }

  /** The expanded MNIST's cache, made on its first load. */
  private static final String EXPANDED_MISSING = " (missing train-expanded-images-idx3-ubyte, "
      + "train-expanded-labels-idx1-ubyte, train-expanded.sha256)";

  @Test
  void list_emptyDirectory_showsEveryDatasetAndWhatIsMissing() {
    // The one place this test sees the machine: the Debian package's files, if installed, are
    // where fashion-mnist is found (FashionMnistTest covers that directory with a fake one).
    String fashionFiles = debianPackageInstalled()
        ? "  /usr/share/datasets/fashion-mnist (complete)"
        : "  " + data + " (missing train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
            + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)";
    assertThat(run("datasets", "list", "--data", data.toString())).isZero();
    assertThat(out.toString().lines()).containsExactly(
        "csv: Your own data: train.csv and test.csv (label, then features) in the --data directory",
        "  " + data + " (missing train.csv, test.csv)",
        "fashion-mnist: Fashion-MNIST clothing images: 50,000 training, 10,000 validation, "
            + "10,000 test, 28×28",
        fashionFiles,
        "mnist: MNIST handwritten digits: 50,000 training, 10,000 validation, 10,000 test images, 28×28",
        "  " + data + " (missing train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte)",
        "mnist-expanded: MNIST with every training image shifted by one pixel four ways: "
            + "250,000 training images (chapter 6)",
        "  " + data + EXPANDED_MISSING);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void list_gzipFilesPresent_completeForBothWithoutReadingThem() throws IOException {
    writeGzipFiles();
    assertThat(run("datasets", "list", "--data", data.toString())).isZero();
    assertThat(out.toString().lines()).filteredOn(line -> line.startsWith("  "))
        .containsExactly("  " + data + " (missing train.csv, test.csv)",
            "  " + data + " (complete)", "  " + data + " (complete)", "  " + data + EXPANDED_MISSING);
  }

  @Test
  void verify_generatedFashionFiles_failChecksumInOneLine() throws IOException {
    writeGzipFiles();
    assertThat(run("datasets", "verify", "fashion-mnist", "--data", data.toString())).isEqualTo(1);
    assertThat(oneErrorLine()).startsWith("nnj: error: " + data.resolve("train-images-idx3-ubyte.gz")
        + ": SHA-256 is ").contains("expected b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void verify_defaultsToMnist() throws IOException {
    writeGzipFiles();
    assertThat(run("datasets", "verify", "--data", data.toString())).isEqualTo(1);
    // MNIST's check, not Fashion-MNIST's (whose .gz checksum comes first, as above): the header
    // of three images is refused against the published file's 60,000 before anything is hashed.
    assertThat(oneErrorLine()).contains("train-images-idx3-ubyte.gz: the header declares "
        + "[3×28×28], not the [60000×28×28] of the published file");
  }

  @Test
  void verify_missingFiles_namesThemAndFetchesNothing() {
    Path empty = data.resolve("empty");
    assertThat(run("datasets", "verify", "mnist", "--data", empty.toString())).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo("nnj: error: missing from " + empty
        + ": train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, "
        + "t10k-labels-idx1-ubyte");
    assertThat(empty).doesNotExist();
  }

  private static boolean debianPackageInstalled() {
    Path directory = Path.of("/usr/share/datasets/fashion-mnist");
    return Stream.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
        .allMatch(name -> Files.isRegularFile(directory.resolve(name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"verify", "fetch"})
  void unknownDataset_isOneLineListingTheKnownOnes(String subcommand) {
    assertThat(run("datasets", subcommand, "cifar", "--data", data.toString())).isEqualTo(2);
    assertThat(oneErrorLine()).isEqualTo("nnj: unknown dataset 'cifar'; known: csv, fashion-mnist, mnist, mnist-expanded"
        + "; parts of your own load with --plugins JAR|DIR or $NNJ_PLUGINS (see 'nnj datasets " + subcommand + " --help')");
  }
}
