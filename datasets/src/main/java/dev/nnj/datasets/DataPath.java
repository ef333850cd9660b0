package dev.nnj.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Refuses a path where a data file should be but something else is: a directory, a symbolic
 * link to nothing, a file that cannot be read. Treated as missing, such a path would be fetched
 * over (or fail to be) and end in "Put the file in DIR" although something is in the way.
 */
final class DataPath {

  private DataPath() {}

  /** Passes a readable regular file or nothing at all; anything else fails in one line. */
  static void checkUsableOrAbsent(Path path) {
    if (Files.isRegularFile(path)) {
      if (!Files.isReadable(path)) {
        throw new DatasetException(path + ": cannot read: permission denied");
      }
    } else if (Files.isDirectory(path)) {
      throw new DatasetException(path + ": is a directory, not a data file");
    } else if (Files.isSymbolicLink(path)) {
      throw new DatasetException(path + ": is a symbolic link to " + target(path)
          + ", which does not exist");
    } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new DatasetException(path + ": is not a regular file");
    }
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "a path that cannot be read";
    }
  }
}
