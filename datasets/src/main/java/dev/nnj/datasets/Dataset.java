package dev.nnj.datasets;

/**
 * A labelled dataset: a loader that reads its files and returns training, validation and test
 * {@link Examples}.
 *
 * <p>An implementation describes how to load data, it does not hold loaded data: it is immutable,
 * thread-safe, cheap to construct and does no I/O until {@link #load} is called. Bind it by name with
 * {@link DatasetsModule#datasetBinder}.
 */
public interface Dataset {
  /**
   * Reads the dataset from {@code location.directory()}, fetching missing files into it if the
   * dataset knows where to get them, and reporting the fetch to {@code location.listener()}.
   *
   * @return the three splits, each with the same feature and class counts
   * @throws DatasetException with a one-line message naming the file and the problem, when data is
   *     missing and cannot be fetched, is unreadable, fails its checksum or is malformed
   */
  Splits load(DataLocation location);

  /** One line saying what the dataset is, for help texts. */
  String description();
}
