package dev.nnj.examples;

import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.FetchListener;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option shared by the commands that read a dataset. */
final class DataOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Where the dataset's files are, or are fetched into when missing "
          + "(default: $NNJ_DATA/DATASET, else $XDG_CACHE_HOME/nnj/DATASET or ~/.cache/nnj/DATASET).")
  Path directory;

  /** The directory named by the user, else the default for {@code dataset}. */
  DataLocation location(String dataset, FetchListener listener) {
    Path chosen = directory != null ? directory : DataLocation.defaultDirectory(dataset);
    return new DataLocation(chosen, listener);
  }
}
