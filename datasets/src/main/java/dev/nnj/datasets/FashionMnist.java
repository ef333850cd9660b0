package dev.nnj.datasets;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, https://github.com/zalandoresearch/fashion-mnist):
 * Zalando's article images, a drop-in replacement for MNIST with the same files, shapes and
 * split: 50,000 training, 10,000 validation and 10,000 test images of 28×28 pixels scaled to
 * [0, 1], in 10 classes (T-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag,
 * ankle boot).
 *
 * <p>Use it where MNIST has become too easy to tell networks apart. The four {@code .gz} files
 * are read from the location's directory, else in place from the Debian package
 * {@code dataset-fashion-mnist}'s {@code /usr/share/datasets/fashion-mnist} (never written);
 * otherwise they are fetched from HTTP mirrors into the location's directory. Every file's
 * SHA-256, as published of the {@code .gz} file, is checked. Immutable and thread-safe.
 */
public final class FashionMnist implements Dataset {
  /** Where the Debian package {@code dataset-fashion-mnist} installs the four {@code .gz} files. */
  static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  private final IdxImageDataset images;

  /** Fashion-MNIST with its published checksums, the Debian package's directory and the mirrors. */
  public FashionMnist() {
    this(IdxFileSet.FASHION_MNIST, Mnist.TRAINING_SIZE, routes(), DEBIAN_DIRECTORY);
  }

  /** Fashion-MNIST-like files with their own checksums, split, routes and system directory (for tests). */
  FashionMnist(IdxFileSet files, int trainingSize, List<FetchRoute> routes, Path systemDirectory) {
    Fetcher fetcher = new Fetcher("Fashion-MNIST", routes,
        "install the Debian package dataset-fashion-mnist (it puts them in " + systemDirectory + ")");
    this.images = new IdxImageDataset(files, trainingSize, fetcher, location -> List.of(systemDirectory));
  }

  /** The ways to obtain the files, tried in this order. */
  static List<FetchRoute> routes() {
    return List.of(
        new HttpMirrorRoute(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
        new HttpMirrorRoute(URI.create(
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")));
  }

  @Override
  public Splits load(DataLocation location) {
    return images.load(location);
  }

  @Override
  public Optional<DatasetFiles> files(DataLocation location) {
    return Optional.of(images.files(location));
  }

  @Override
  public List<Path> verify(DataLocation location) {
    return images.verify(location);
  }

  @Override
  public String description() {
    return "Fashion-MNIST clothing images: 50,000 training, 10,000 validation, 10,000 test, 28×28";
  }

  @Override
  public String toString() {
    return "FashionMnist";
  }
}
