package dev.nnj.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads an MNIST-like dataset of 28×28 greyscale images in ten classes from four IDX files,
 * fetching missing files first and verifying every checksum.
 *
 * <p>The files are looked for in the location's directory, then in each read-only directory the
 * dataset names for that location (a system package's directory, say), taking the first that
 * holds all four; read-only directories are read in place and never written. Failing those,
 * the missing files are fetched into the location's directory.
 *
 * <p>The training file is split as in Nielsen's {@code mnist_loader.py}: its first
 * {@code trainingSize} images are the training set, the rest the validation set; the test file is
 * the test set. Pixels are scaled from 0..255 to [0, 1].
 */
final class IdxImageDataset {
  static final int ROWS = 28;
  static final int COLUMNS = 28;
  static final int CLASSES = 10;

  private final IdxFileSet files;
  private final int trainingSize;
  private final Fetcher fetcher;
  private final Function<DataLocation, List<Path>> readOnlyDirectories;

  /**
   * A loader of {@code files}; {@code readOnlyDirectories} gives, for a location, the directories
   * to read in place when the location's own directory lacks files.
   */
  IdxImageDataset(IdxFileSet files, int trainingSize, Fetcher fetcher,
      Function<DataLocation, List<Path>> readOnlyDirectories) {
    this.files = Objects.requireNonNull(files, "files");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.readOnlyDirectories = Objects.requireNonNull(readOnlyDirectories, "readOnlyDirectories");
    if (trainingSize < 1) {
      throw new IllegalArgumentException("trainingSize must be >= 1: " + trainingSize);
    }
    this.trainingSize = trainingSize;
  }

  /** See {@link Dataset#files}. */
  DatasetFiles files(DataLocation location) {
    Optional<Path> complete = completeDirectory(location);
    if (complete.isPresent()) {
      return new DatasetFiles(complete.get(), List.of());
    }
    Path directory = location.directory();
    return new DatasetFiles(directory, missing(directory).stream().map(IdxFile::storedName).toList());
  }

  /** See {@link Dataset#load}. */
  Splits load(DataLocation location) {
    Path directory = completeDirectory(location).orElseGet(() -> {
      // A directory or a broken link in a file's place is named, not fetched over.
      List<IdxFile> missing = missing(location.directory());
      missing.forEach(file -> file.checkUsableOrAbsent(location.directory()));
      fetcher.fetch(missing, location.directory(), location.listener());
      return location.directory();
    });
    Content content = read(directory, location);
    IdxArray trainImages = content.trainImages();
    IdxArray trainLabels = content.trainLabels();
    return new Splits(
        examples(trainImages, trainLabels, 0, trainingSize),
        examples(trainImages, trainLabels, trainingSize, trainImages.dimension(0)),
        examples(content.testImages(), content.testLabels(), 0, content.testImages().dimension(0)));
  }

  /** See {@link Dataset#verify}. */
  List<Path> verify(DataLocation location) {
    Path directory = completeDirectory(location).orElseThrow(() -> new DatasetException(
        "missing from " + location.directory() + ": "
            + String.join(", ", files(location).missing())));
    read(directory, location);
    return files.all().stream().map(file -> file.find(directory).orElseThrow()).toList();
  }

  /** The first directory, the location's own first, that holds every file. */
  private Optional<Path> completeDirectory(DataLocation location) {
    List<Path> candidates = new ArrayList<>();
    candidates.add(location.directory());
    candidates.addAll(readOnlyDirectories.apply(location));
    return candidates.stream().filter(directory -> missing(directory).isEmpty()).findFirst();
  }

  private List<IdxFile> missing(Path directory) {
    return files.all().stream().filter(file -> file.find(directory).isEmpty()).toList();
  }

  /** The four files' content, each checked against its checksum and the others' shapes. */
  private record Content(IdxArray trainImages, IdxArray trainLabels, IdxArray testImages,
      IdxArray testLabels) {}

  private Content read(Path directory, DataLocation location) {
    // Only a file in the location's own directory may be deleted for a fresh fetch.
    String remedy = directory.equals(location.directory())
        ? "delete the file to fetch it again"
        : "nnj reads " + directory + " in place and never writes there";
    IdxArray trainImages = readImages(directory, files.trainImages(), remedy);
    IdxArray trainLabels =
        readLabels(directory, files.trainLabels(), files.trainImages(), trainImages, remedy);
    IdxArray testImages = readImages(directory, files.testImages(), remedy);
    IdxArray testLabels =
        readLabels(directory, files.testLabels(), files.testImages(), testImages, remedy);
    int trainCount = trainImages.dimension(0);
    if (trainCount < trainingSize) {
      throw new DatasetException(files.trainImages().name() + " holds " + trainCount
          + " images, fewer than the " + trainingSize + " of the training split");
    }
    return new Content(trainImages, trainLabels, testImages, testLabels);
  }

  private static IdxArray read(Path directory, IdxFile file, String remedy) {
    Path path = file.find(directory).orElseThrow(
        () -> new DatasetException(file.name() + ": missing from " + directory));
    if (file.checksummed() == IdxFile.Checksummed.GZIP_FILE) {
      // The checksum is of the file as stored: check it on the stream before inflating anything.
      requireSha256(path, Sha256.ofFile(path), file, remedy);
      return IdxReader.read(path, file.dimensions());
    }
    IdxArray array = IdxReader.read(path, file.dimensions());
    requireSha256(path, array.sha256(), file, remedy);
    return array;
  }

  private static void requireSha256(Path path, String actual, IdxFile file, String remedy) {
    if (!actual.equals(file.sha256())) {
      throw new DatasetException(path + ": SHA-256 is " + actual + ", expected " + file.sha256()
          + "; " + remedy);
    }
  }

  private static IdxArray readImages(Path directory, IdxFile file, String remedy) {
    IdxArray images = read(directory, file, remedy);
    if (images.dimensionCount() != 3 || images.dimension(1) != ROWS || images.dimension(2) != COLUMNS) {
      throw new DatasetException(file.name() + ": expected n×" + ROWS + "×" + COLUMNS
          + " images, found " + Arrays.toString(images.dimensions()).replace(", ", "×"));
    }
    return images;
  }

  private static IdxArray readLabels(Path directory, IdxFile file, IdxFile imageFile,
      IdxArray images, String remedy) {
    IdxArray labels = read(directory, file, remedy);
    if (labels.dimensionCount() != 1) {
      throw new DatasetException(file.name() + ": expected 1 dimension of labels, found "
          + labels.dimensionCount());
    }
    if (labels.dimension(0) != images.dimension(0)) {
      throw new DatasetException(file.name() + " holds " + labels.dimension(0) + " labels but "
          + imageFile.name() + " holds " + images.dimension(0) + " images");
    }
    for (int i = 0; i < labels.dimension(0); i++) {
      if (labels.value(i) >= CLASSES) {
        throw new DatasetException(file.name() + ": label " + labels.value(i) + " at index " + i
            + " is outside 0.." + (CLASSES - 1));
      }
    }
    return labels;
  }

  /** {@code v / 255f} for every byte value {@code v}: a look-up is cheaper than a division. */
  private static final float[] INTENSITY = new float[256];

  static {
    for (int v = 0; v < 256; v++) {
      INTENSITY[v] = v / 255f;
    }
  }

  /** Examples {@code from} to {@code to} (exclusive), pixels divided by 255. */
  private static Examples examples(IdxArray images, IdxArray labels, int from, int to) {
    int pixels = ROWS * COLUMNS;
    float[] features = new float[(to - from) * pixels];
    byte[] data = images.data();
    for (int j = 0; j < features.length; j++) {
      features[j] = INTENSITY[Byte.toUnsignedInt(data[from * pixels + j])];
    }
    int[] classes = new int[to - from];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = labels.value(from + i);
    }
    return new Examples(features, new Shape(1, ROWS, COLUMNS), classes, CLASSES);
  }
}
