package dev.nnj.datasets;

/**
 * Thrown when a dataset's files are missing, unreadable, corrupt or cannot be fetched.
 *
 * <p>The message is one line that names the file (or directory) and says what is wrong, so a
 * command-line tool can print it as it is.
 */
public final class DatasetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public DatasetException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
