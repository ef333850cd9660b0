package dev.nnj.core;

import java.nio.file.Path;

/**
 * Thrown when a network file cannot be read or written: missing, unreadable, malformed JSON, an
 * unknown format version, shapes that disagree, a non-finite number, an unknown activation or cost.
 *
 * <p>The message is one line that starts with the file and says what is wrong, so a command-line
 * tool can print it as it is.
 */
public final class NetworkFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** A problem with {@code file} described by {@code problem}. */
  public NetworkFileException(Path file, String problem) {
    this(file, problem, null);
  }

  /** A problem with {@code file} described by {@code problem}, caused by {@code cause}. */
  public NetworkFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem.replaceAll("\\s*\\R\\s*", " "), cause);
    this.file = file;
  }

  /** The file that could not be read or written. */
  public Path file() {
    return file;
  }
}
