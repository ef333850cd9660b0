package dev.nnj.datasets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Loads an MNIST-like dataset of 28×28 greyscale images in ten classes from four IDX files,
 * fetching missing files first and verifying every checksum.
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

  IdxImageDataset(IdxFileSet files, int trainingSize, Fetcher fetcher) {
    this.files = Objects.requireNonNull(files, "files");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    if (trainingSize < 1) {
      throw new IllegalArgumentException("trainingSize must be >= 1: " + trainingSize);
    }
    this.trainingSize = trainingSize;
  }

  Splits load(DataLocation location) {
    Path directory = location.directory();
    List<IdxFile> missing = files.all().stream().filter(f -> f.find(directory).isEmpty()).toList();
    if (!missing.isEmpty()) {
      fetcher.fetch(missing, directory, location.listener());
    }
    IdxArray trainImages = readImages(directory, files.trainImages());
    IdxArray trainLabels = readLabels(directory, files.trainLabels(), files.trainImages(), trainImages);
    IdxArray testImages = readImages(directory, files.testImages());
    IdxArray testLabels = readLabels(directory, files.testLabels(), files.testImages(), testImages);
    int trainCount = trainImages.dimension(0);
    if (trainCount < trainingSize) {
      throw new DatasetException(files.trainImages().name() + " holds " + trainCount
          + " images, fewer than the " + trainingSize + " of the training split");
    }
    return new Splits(
        examples(trainImages, trainLabels, 0, trainingSize),
        examples(trainImages, trainLabels, trainingSize, trainCount),
        examples(testImages, testLabels, 0, testImages.dimension(0)));
  }

  private static IdxArray read(Path directory, IdxFile file) {
    Path path = file.find(directory).orElseThrow(
        () -> new DatasetException(file.name() + ": missing from " + directory));
    IdxArray array = IdxReader.read(path);
    if (!array.sha256().equals(file.sha256())) {
      throw new DatasetException(path + ": SHA-256 is " + array.sha256() + ", expected "
          + file.sha256() + "; delete the file to fetch it again");
    }
    return array;
  }

  private static IdxArray readImages(Path directory, IdxFile file) {
    IdxArray images = read(directory, file);
    if (images.dimensionCount() != 3 || images.dimension(1) != ROWS || images.dimension(2) != COLUMNS) {
      throw new DatasetException(file.name() + ": expected n×" + ROWS + "×" + COLUMNS
          + " images, found " + Arrays.toString(images.dimensions()).replace(", ", "×"));
    }
    return images;
  }

  private static IdxArray readLabels(Path directory, IdxFile file, IdxFile imageFile, IdxArray images) {
    IdxArray labels = read(directory, file);
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

  /** Examples {@code from} to {@code to} (exclusive), pixels divided by 255. */
  private static Examples examples(IdxArray images, IdxArray labels, int from, int to) {
    int pixels = ROWS * COLUMNS;
    float[] features = new float[(to - from) * pixels];
    byte[] data = images.data();
    for (int j = 0; j < features.length; j++) {
      features[j] = Byte.toUnsignedInt(data[from * pixels + j]) / 255f;
    }
    int[] classes = new int[to - from];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = labels.value(from + i);
    }
    return new Examples(features, pixels, classes, CLASSES);
  }
}
