package dev.nnj.datasets;

import static dev.nnj.datasets.IdxFixtures.gzip;
import static dev.nnj.datasets.IdxFixtures.images;
import static dev.nnj.datasets.IdxFixtures.labels;
import static dev.nnj.datasets.IdxFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST's loader on a tiny generated set of {@code .gz} files whose checksums, like the
 * published ones, are of the gzip files: 6 training images split 4 + 2, and 3 test images.
 */
class FashionMnistTest {
  private static final byte[] TRAIN_IMAGES = gzip(images(6, 100));
  private static final byte[] TRAIN_LABELS = gzip(labels(9, 0, 0, 3, 0, 2));
  private static final byte[] TEST_IMAGES = gzip(images(3, 10));
  private static final byte[] TEST_LABELS = gzip(labels(9, 2, 1));
  private static final IdxFileSet FILES = new IdxFileSet(
      IdxFile.gzipFile("train-images-idx3-ubyte", sha256(TRAIN_IMAGES)),
      IdxFile.gzipFile("train-labels-idx1-ubyte", sha256(TRAIN_LABELS)),
      IdxFile.gzipFile("t10k-images-idx3-ubyte", sha256(TEST_IMAGES)),
      IdxFile.gzipFile("t10k-labels-idx1-ubyte", sha256(TEST_LABELS)));
  private static final Map<String, byte[]> GZIP_FILES = new LinkedHashMap<>();

  static {
    GZIP_FILES.put("train-images-idx3-ubyte.gz", TRAIN_IMAGES);
    GZIP_FILES.put("train-labels-idx1-ubyte.gz", TRAIN_LABELS);
    GZIP_FILES.put("t10k-images-idx3-ubyte.gz", TEST_IMAGES);
    GZIP_FILES.put("t10k-labels-idx1-ubyte.gz", TEST_LABELS);
  }

  @TempDir Path temp;

  private Path cache() {
    return temp.resolve("cache");
  }

  private Path system() {
    return temp.resolve("usr-share-datasets-fashion-mnist");
  }

  private FashionMnist fashion(FetchRoute... routes) {
    return new FashionMnist(FILES, 4, List.of(routes), system());
  }

  private static void writeAll(Path directory) throws IOException {
    Files.createDirectories(directory);
    for (Map.Entry<String, byte[]> file : GZIP_FILES.entrySet()) {
      Files.write(directory.resolve(file.getKey()), file.getValue());
    }
  }

  /** Every file name in {@code directory} with its modification time, to show nothing was written. */
  private static Map<String, FileTime> snapshot(Path directory) throws IOException {
    Map<String, FileTime> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.list(directory)) {
      for (Path path : paths.sorted().toList()) {
        files.put(path.getFileName().toString(), Files.getLastModifiedTime(path));
      }
    }
    return files;
  }

  @Test
  void load_gzipFilesInCache_splitsLikeMnist() throws IOException {
    writeAll(cache());
    Splits splits = fashion().load(DataLocation.of(cache()));

    assertThat(splits.training().labels()).containsExactly(9, 0, 0, 3);
    assertThat(splits.validation().labels()).containsExactly(0, 2);
    assertThat(splits.test().labels()).containsExactly(9, 2, 1);
    assertThat(splits.training().featureCount()).isEqualTo(784);
    assertThat(splits.training().classCount()).isEqualTo(10);
    assertThat(splits.validation().feature(1, 1)).isEqualTo(105 / 255f);
  }

  @Test
  void load_gzipFileAltered_checksumOfTheGzipFileIsReported() throws IOException {
    writeAll(cache());
    // Same IDX content, different gzip bytes: the uncompressed content would pass, the .gz must not.
    byte[] regzipped = gzip(labels(9, 2, 1));
    regzipped[4] = 1; // gzip header's modification time: no effect on the content
    Files.write(cache().resolve("t10k-labels-idx1-ubyte.gz"), regzipped);

    assertThatThrownBy(() -> fashion().load(DataLocation.of(cache())))
        .isInstanceOf(DatasetException.class)
        .hasMessage(cache().resolve("t10k-labels-idx1-ubyte.gz") + ": SHA-256 is " + sha256(regzipped)
            + ", expected " + sha256(TEST_LABELS) + "; delete the file to fetch it again");
  }

  @Test
  void load_uncompressedFilesOnly_notTakenForTheGzipOnes() throws IOException {
    Files.createDirectories(cache());
    Files.write(cache().resolve("t10k-labels-idx1-ubyte"), labels(9, 2, 1));
    assertThat(fashion().files(DataLocation.of(cache())).orElseThrow().missing())
        .contains("t10k-labels-idx1-ubyte.gz");
  }

  @Test
  void load_cacheEmpty_readsSystemDirectoryInPlace() throws IOException {
    writeAll(system());
    Map<String, FileTime> before = snapshot(system());

    Splits splits = fashion().load(DataLocation.of(cache()));

    assertThat(splits.test().labels()).containsExactly(9, 2, 1);
    assertThat(snapshot(system())).isEqualTo(before);
    assertThat(cache()).doesNotExist();
  }

  @Test
  void load_cacheComplete_preferredToSystemDirectory() throws IOException {
    writeAll(cache());
    Files.createDirectories(system());
    Files.write(system().resolve("train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});

    assertThat(fashion().files(DataLocation.of(cache())).orElseThrow())
        .isEqualTo(new DatasetFiles(cache(), List.of()));
    assertThat(fashion().load(DataLocation.of(cache())).test().size()).isEqualTo(3);
  }

  @Test
  void load_systemFileCorrupt_remedyDoesNotSayDelete() throws IOException {
    writeAll(system());
    Files.write(system().resolve("train-labels-idx1-ubyte.gz"), gzip(labels(1, 1, 1, 1, 1, 1)));

    assertThatThrownBy(() -> fashion().load(DataLocation.of(cache())))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train-labels-idx1-ubyte.gz: SHA-256 is ")
        .hasMessageEndingWith("nnj reads " + system() + " in place and never writes there");
  }

  @Test
  void load_nowhere_fetchedAsGzipIntoCacheNeverIntoSystemDirectory() throws IOException {
    List<String> events = new ArrayList<>();
    Splits splits = fashion(new GzipRoute()).load(new DataLocation(cache(), new RecordingListener(events)));

    assertThat(splits.validation().labels()).containsExactly(0, 2);
    assertThat(Files.readAllBytes(cache().resolve("train-images-idx3-ubyte.gz"))).isEqualTo(TRAIN_IMAGES);
    assertThat(snapshot(cache())).containsOnlyKeys(GZIP_FILES.keySet());
    assertThat(system()).doesNotExist();
    assertThat(events).startsWith("routeStarted gzip");
  }

  @Test
  void load_everyRouteFails_messageListsRoutesAndDebianPackage() {
    FashionMnist fashion = fashion(failing("http://mirror-a/"), failing("https://mirror-b/"));

    assertThatThrownBy(() -> fashion.load(DataLocation.of(cache())))
        .isInstanceOf(DatasetException.class)
        .hasMessage("Could not fetch Fashion-MNIST into " + cache() + " (http://mirror-a/: no network; "
            + "https://mirror-b/: no network). Put train-images-idx3-ubyte.gz, "
            + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz in "
            + cache() + ", or name another directory with --data DIR or NNJ_DATA, or install the "
            + "Debian package dataset-fashion-mnist (it puts them in " + system() + ").");
  }

  @Test
  void files_nothingAnywhere_namesCacheAndMissingGzipFiles() {
    assertThat(fashion().files(DataLocation.of(cache())).orElseThrow())
        .isEqualTo(new DatasetFiles(cache(), List.copyOf(GZIP_FILES.keySet())));
  }

  @Test
  void files_onlySystemDirectoryComplete_pointsThere() throws IOException {
    writeAll(system());
    DatasetFiles files = fashion().files(DataLocation.of(cache())).orElseThrow();
    assertThat(files.directory()).isEqualTo(system());
    assertThat(files.complete()).isTrue();
  }

  @Test
  void verify_intactFiles_returnsEachPath() throws IOException {
    writeAll(system());
    assertThat(fashion().verify(DataLocation.of(cache()))).containsExactly(
        system().resolve("train-images-idx3-ubyte.gz"), system().resolve("train-labels-idx1-ubyte.gz"),
        system().resolve("t10k-images-idx3-ubyte.gz"), system().resolve("t10k-labels-idx1-ubyte.gz"));
  }

  @Test
  void verify_missingFiles_fetchesNothing() {
    assertThatThrownBy(() -> fashion(new GzipRoute()).verify(DataLocation.of(cache())))
        .isInstanceOf(DatasetException.class)
        .hasMessage("missing from " + cache() + ": " + String.join(", ", GZIP_FILES.keySet()));
    assertThat(cache()).doesNotExist();
  }

  @Test
  void routes_theTwoMirrors() {
    assertThat(FashionMnist.routes()).extracting(FetchRoute::name).containsExactly(
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/");
  }

  @Test
  void publishedFileSet_isChecksummedAsGzipFiles() {
    assertThat(IdxFileSet.FASHION_MNIST.all())
        .allSatisfy(file -> assertThat(file.checksummed()).isEqualTo(IdxFile.Checksummed.GZIP_FILE));
    assertThat(IdxFileSet.MNIST.all()).allSatisfy(file ->
        assertThat(file.checksummed()).isEqualTo(IdxFile.Checksummed.UNCOMPRESSED_CONTENT));
  }

  @Test
  void constructor_doesNoIo() {
    assertThat(new FashionMnist().description()).contains("Fashion-MNIST");
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

  /** Serves the .gz files as a mirror does, through the same conversion the HTTP route uses. */
  private static final class GzipRoute implements FetchRoute {
    @Override
    public String name() {
      return "gzip";
    }

    @Override
    public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
        throws IOException {
      for (IdxFile file : files) {
        byte[] gzip = GZIP_FILES.get(file.name() + ".gz");
        FileInstaller.install(file.toStored(new ByteArrayInputStream(gzip)), directory, file);
      }
    }
  }
}
