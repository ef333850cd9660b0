package dev.nnj.datasets;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Chapter 6's expanded MNIST ({@code expand_mnist.py}): each of the 50,000 training images, then
 * four copies of it shifted by one pixel — down, up, right and left, the row or column left
 * empty filled with zeros — 250,000 training images in that order; validation and test images
 * are MNIST's, unchanged. (The book's script also shuffles them once, unseeded; the trainer
 * shuffles every epoch anyway.)
 *
 * <p>Made from the checked MNIST files on first use and cached in the location's directory as two
 * IDX files with a file of their SHA-256 sums, checked on every later load: a cache that fails its
 * checksum is made again. MNIST's own files are read from the location's directory when they are
 * there, else from MNIST's default directory ({@code ~/.cache/nnj/mnist}, fetched if missing).
 * Deterministic: the same MNIST gives the same bytes. Immutable and thread-safe.
 */
public final class MnistExpanded implements Dataset {

  static final String IMAGES = "train-expanded-images-idx3-ubyte";
  static final String LABELS = "train-expanded-labels-idx1-ubyte";
  static final String SUMS = "train-expanded.sha256";
  private static final int SIDE = 28;
  private static final int PIXELS = SIDE * SIDE;
  private static final int COPIES = 5;

  private final Dataset mnist;
  private final UnaryOperator<DataLocation> mnistLocation;

  /** Expands MNIST, read from the location or from its own default directory. */
  public MnistExpanded() {
    this(new Mnist(), null);
  }

  /** Expands {@code mnist}'s training split, loaded from {@code mnistLocation(location)} (for tests). */
  MnistExpanded(Dataset mnist, UnaryOperator<DataLocation> mnistLocation) {
    this.mnist = mnist;
    this.mnistLocation = mnistLocation != null ? mnistLocation : this::sourceOf;
  }

  private DataLocation sourceOf(DataLocation location) {
    boolean here = mnist.files(location).map(DatasetFiles::complete).orElse(false);
    return here ? location
        : new DataLocation(DataLocation.defaultDirectory("mnist"), location.listener());
  }

  @Override
  public Splits load(DataLocation location) {
    Splits base = mnist.load(mnistLocation.apply(location));
    Path directory = location.directory();
    Examples training =
        cached(directory, base.training().size() * COPIES, base.training().classCount());
    if (training == null) {
      training = write(directory, expand(base.training()));
    }
    return new Splits(training, base.validation(), base.test());
  }

  /** The cache in the location's directory; missing files are made from MNIST on first load. */
  @Override
  public java.util.Optional<DatasetFiles> files(DataLocation location) {
    List<String> missing = java.util.stream.Stream.of(IMAGES, LABELS, SUMS)
        .filter(name -> !Files.isRegularFile(location.directory().resolve(name))).toList();
    return java.util.Optional.of(new DatasetFiles(location.directory(), missing));
  }

  @Override
  public String description() {
    return "MNIST with every training image shifted by one pixel four ways: 250,000 training "
        + "images (chapter 6)";
  }

  /** The training images and their four shifts, as bytes, and their labels. */
  static Expanded expand(Examples training) {
    int n = training.size();
    byte[] images = new byte[n * COPIES * PIXELS];
    byte[] labels = new byte[n * COPIES];
    float[] features = training.features();
    for (int i = 0; i < n; i++) {
      int source = i * PIXELS;
      for (int copy = 0; copy < COPIES; copy++) {
        int target = (i * COPIES + copy) * PIXELS;
        labels[i * COPIES + copy] = (byte) training.label(i);
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            int fromY = y - (copy == 1 ? 1 : copy == 2 ? -1 : 0);
            int fromX = x - (copy == 3 ? 1 : copy == 4 ? -1 : 0);
            if (fromY >= 0 && fromY < SIDE && fromX >= 0 && fromX < SIDE) {
              images[target + y * SIDE + x] =
                  (byte) Math.round(features[source + fromY * SIDE + fromX] * 255f);
            }
          }
        }
      }
    }
    return new Expanded(images, labels, training.classCount());
  }

  record Expanded(byte[] images, byte[] labels, int classCount) {
    Examples examples() {
      float[] features = new float[images.length];
      for (int j = 0; j < features.length; j++) {
        features[j] = Byte.toUnsignedInt(images[j]) / 255f;
      }
      int[] classes = new int[labels.length];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = Byte.toUnsignedInt(labels[i]);
      }
      return new Examples(features, new Shape(1, SIDE, SIDE), classes, classCount);
    }
  }

  /** The cached training set if it is there, of {@code size} images, and passes its checksums. */
  private static Examples cached(Path directory, int size, int classCount) {
    Path images = directory.resolve(IMAGES);
    Path labels = directory.resolve(LABELS);
    Path sums = directory.resolve(SUMS);
    if (!Files.isRegularFile(images) || !Files.isRegularFile(labels) || !Files.isRegularFile(sums)) {
      return null;
    }
    try {
      if (!Files.readString(sums, StandardCharsets.US_ASCII).equals(sums(images, labels))) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    IdxArray imageArray = IdxReader.read(images);
    IdxArray labelArray = IdxReader.read(labels);
    if (imageArray.dimension(0) != size || labelArray.dimension(0) != size) {
      return null;
    }
    return new Expanded(imageArray.data(), labelArray.data(), classCount).examples();
  }

  /** Writes the cache, each file through a temporary one, the checksums last; returns the examples. */
  private static Examples write(Path directory, Expanded expanded) {
    try {
      Files.createDirectories(directory);
      int n = expanded.labels().length;
      Path images = directory.resolve(IMAGES);
      Path labels = directory.resolve(LABELS);
      writeIdx(images, 0x803, new int[] {n, SIDE, SIDE}, expanded.images());
      writeIdx(labels, 0x801, new int[] {n}, expanded.labels());
      Path sums = directory.resolve(SUMS);
      Path temporary = directory.resolve("." + SUMS + ".tmp");
      Files.writeString(temporary, sums(images, labels), StandardCharsets.US_ASCII);
      Files.move(temporary, sums, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new DatasetException("cannot cache the expanded MNIST in " + directory + ": "
          + e.getMessage(), e);
    }
    return expanded.examples();
  }

  private static void writeIdx(Path file, int magic, int[] dimensions, byte[] data)
      throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (OutputStream raw = Files.newOutputStream(temporary);
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
      out.writeInt(magic);
      for (int dimension : dimensions) {
        out.writeInt(dimension);
      }
      out.write(data);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String sums(Path images, Path labels) {
    StringBuilder text = new StringBuilder();
    for (Path file : List.of(images, labels)) {
      text.append(Sha256.ofFile(file)).append("  ").append(file.getFileName()).append('\n');
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "MnistExpanded";
  }
}
