package dev.nnj.datasets;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a dataset's files are read from and fetched into, and who hears about the fetch.
 *
 * @param directory the directory holding the dataset's files; created if a fetch needs it
 * @param listener receives fetch progress; {@link FetchListener#NONE} to ignore it
 */
public record DataLocation(Path directory, FetchListener listener) {
  /** Validates that neither component is null. */
  public DataLocation {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(listener, "listener");
  }

  /** A location in {@code directory} whose fetch reports to nobody. */
  public static DataLocation of(Path directory) {
    return new DataLocation(directory, FetchListener.NONE);
  }

  /**
   * The directory a dataset uses when none is named: {@code $NNJ_DATA/<datasetName>} if
   * {@code NNJ_DATA} is set, else {@code $XDG_CACHE_HOME/nnj/<datasetName>}, else
   * {@code ~/.cache/nnj/<datasetName>}. Empty variables count as unset.
   *
   * <p>One directory per dataset, because datasets share file names (MNIST and Fashion-MNIST
   * both have {@code train-images-idx3-ubyte}). MNIST files kept in {@code $NNJ_DATA} itself, the
   * default before, are still found: see {@link Mnist}.
   */
  public static Path defaultDirectory(String datasetName) {
    return defaultDirectory(datasetName, System::getenv, Path.of(System.getProperty("user.home")));
  }

  static Path defaultDirectory(String datasetName, Function<String, String> env, Path home) {
    if (datasetName == null || datasetName.isBlank()) {
      throw new IllegalArgumentException("datasetName must not be blank: '" + datasetName + "'");
    }
    String nnjData = env.apply("NNJ_DATA");
    if (nnjData != null && !nnjData.isEmpty()) {
      return Path.of(nnjData).resolve(datasetName);
    }
    String cacheHome = env.apply("XDG_CACHE_HOME");
    Path cache = cacheHome != null && !cacheHome.isEmpty() ? Path.of(cacheHome) : home.resolve(".cache");
    return cache.resolve("nnj").resolve(datasetName);
  }
}
