package dev.nnj.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

  /**
   * Where {@link #load} would find the files for {@code location}, or fetch them into, and which
   * are missing there; judged by presence alone, without reading, hashing or fetching anything.
   *
   * @return empty when the dataset cannot tell, which is the default
   */
  default Optional<DatasetFiles> files(DataLocation location) {
    return Optional.empty();
  }

  /**
   * Reads every file where {@link #files} finds them and checks its checksum and structure, as
   * {@link #load} does, but fetches nothing.
   *
   * @return the files checked, in the order they were read
   * @throws DatasetException with a one-line message, when a file is missing or fails a check
   * @throws UnsupportedOperationException by default: the dataset cannot check its files alone
   */
  default List<Path> verify(DataLocation location) {
    throw new UnsupportedOperationException(this + " cannot verify its files without loading them");
  }
}
