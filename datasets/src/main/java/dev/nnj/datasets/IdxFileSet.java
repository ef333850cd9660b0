package dev.nnj.datasets;

import java.util.List;
import java.util.Objects;

/**
 * The four files of an MNIST-like dataset with their checksums: training images and labels, test
 * images and labels.
 */
record IdxFileSet(IdxFile trainImages, IdxFile trainLabels, IdxFile testImages, IdxFile testLabels) {
  /** MNIST as published by LeCun, Cortes and Burges; checksums of the uncompressed files. */
  static final IdxFileSet MNIST = new IdxFileSet(
      new IdxFile("train-images-idx3-ubyte",
          "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
      new IdxFile("train-labels-idx1-ubyte",
          "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
      new IdxFile("t10k-images-idx3-ubyte",
          "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
      new IdxFile("t10k-labels-idx1-ubyte",
          "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

  IdxFileSet {
    Objects.requireNonNull(trainImages, "trainImages");
    Objects.requireNonNull(trainLabels, "trainLabels");
    Objects.requireNonNull(testImages, "testImages");
    Objects.requireNonNull(testLabels, "testLabels");
  }

  /** The four files in the order they are listed to users. */
  List<IdxFile> all() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }
}
