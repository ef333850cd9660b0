package dev.nnj.datasets;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Tries a dataset's fetch routes in order until every wanted file is in the directory, and
 * otherwise explains in one line what was tried and how to put the files in place by hand.
 */
final class Fetcher {
  private final String datasetName;
  private final List<FetchRoute> routes;
  private final String otherRemedy;

  /** A fetcher for {@code datasetName}, such as {@code "MNIST"}, trying {@code routes} in order. */
  Fetcher(String datasetName, List<FetchRoute> routes) {
    this(datasetName, routes, "");
  }

  /**
   * A fetcher whose failure message ends with {@code otherRemedy} as a further way to put the files
   * in place, such as {@code "install the Debian package dataset-fashion-mnist"}; empty for none.
   */
  Fetcher(String datasetName, List<FetchRoute> routes, String otherRemedy) {
    this.datasetName = datasetName;
    this.routes = List.copyOf(routes);
    this.otherRemedy = otherRemedy;
  }

  /** Fetches those of {@code files} that are missing from {@code directory}. */
  void fetch(List<IdxFile> files, Path directory, FetchListener listener) {
    createDirectory(directory);
    StringJoiner failures = new StringJoiner("; ");
    for (FetchRoute route : routes) {
      List<IdxFile> missing = missing(files, directory);
      if (missing.isEmpty()) {
        return;
      }
      listener.routeStarted(route.name());
      String reason;
      try {
        route.fetch(missing, directory, listener);
        List<IdxFile> left = missing(files, directory);
        if (left.isEmpty()) {
          return;
        }
        reason = "did not provide " + names(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(directory, e);
      } catch (IOException | RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw interrupted(directory, e);
        }
        reason = describe(e);
      }
      listener.routeFailed(route.name(), reason);
      failures.add(route.name() + ": " + reason);
    }
    List<IdxFile> missing = missing(files, directory);
    if (!missing.isEmpty()) {
      throw new DatasetException("Could not fetch " + datasetName + " into " + directory
          + " (" + failures + "). Put " + accepted(missing) + " in " + directory
          + ", or name another directory with --data DIR or NNJ_DATA"
          + (otherRemedy.isEmpty() ? "" : ", or " + otherRemedy) + ".");
    }
  }

  /** A short one-line reason for a route's failure, such as {@code "unknown host"}. */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException file && file.getReason() == null) {
        return describe(file); // its message is the bare path
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage().strip().replaceAll("\\s*\\R\\s*", " ");
      }
    }
    return failure.getClass().getSimpleName();
  }

  /** The path with what its exception's type says went wrong with it. */
  private static String describe(FileSystemException e) {
    String path = e.getFile();
    if (e instanceof AccessDeniedException) {
      return path + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return path + ": exists and is not a directory";
    }
    if (e instanceof NoSuchFileException) {
      return path + ": no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return path + ": not a directory";
    }
    return path + ": " + e.getClass().getSimpleName();
  }

  private static List<IdxFile> missing(List<IdxFile> files, Path directory) {
    return files.stream().filter(file -> file.find(directory).isEmpty()).toList();
  }

  private static String names(List<IdxFile> files) {
    return files.stream().map(IdxFile::storedName).collect(Collectors.joining(", "));
  }

  /** The files as a user may supply them: {@code "a, b (raw or .gz)"}, or {@code "a.gz, b.gz"}. */
  private static String accepted(List<IdxFile> files) {
    boolean rawOrGzip = files.stream()
        .anyMatch(file -> file.checksummed() == IdxFile.Checksummed.UNCOMPRESSED_CONTENT);
    return names(files) + (rawOrGzip ? " (raw or .gz)" : "");
  }

  private static void createDirectory(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new DatasetException("Cannot create data directory " + directory + ": " + describe(e), e);
    }
  }

  private DatasetException interrupted(Path directory, Exception cause) {
    return new DatasetException(
        "Interrupted while fetching " + datasetName + " into " + directory, cause);
  }
}
