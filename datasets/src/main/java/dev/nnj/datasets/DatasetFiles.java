package dev.nnj.datasets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a dataset's files are, judged by their presence alone: nothing is read or hashed.
 *
 * @param directory the directory holding every file, or, when some are missing, the directory
 *     they would be fetched into
 * @param missing the names of the files absent from {@code directory}; empty when all are there
 */
public record DatasetFiles(Path directory, List<String> missing) {
  /** Validates and copies. */
  public DatasetFiles {
    Objects.requireNonNull(directory, "directory");
    missing = List.copyOf(missing);
  }

  /** Whether every file is present (not whether it is intact: that is {@link Dataset#verify}). */
  public boolean complete() {
    return missing.isEmpty();
  }
}
