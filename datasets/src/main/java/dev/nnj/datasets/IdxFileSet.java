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
          "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db")
          .declaring(60000, 28, 28),
      new IdxFile("train-labels-idx1-ubyte",
          "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5")
          .declaring(60000),
      new IdxFile("t10k-images-idx3-ubyte",
          "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7")
          .declaring(10000, 28, 28),
      new IdxFile("t10k-labels-idx1-ubyte",
          "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")
          .declaring(10000));

  /** Fashion-MNIST as published by Zalando Research; checksums of the {@code .gz} files. */
  static final IdxFileSet FASHION_MNIST = new IdxFileSet(
      IdxFile.gzipFile("train-images-idx3-ubyte",
          "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7")
          .declaring(60000, 28, 28),
      IdxFile.gzipFile("train-labels-idx1-ubyte",
          "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056")
          .declaring(60000),
      IdxFile.gzipFile("t10k-images-idx3-ubyte",
          "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa")
          .declaring(10000, 28, 28),
      IdxFile.gzipFile("t10k-labels-idx1-ubyte",
          "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05")
          .declaring(10000));

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
