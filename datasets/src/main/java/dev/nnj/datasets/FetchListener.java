package dev.nnj.datasets;

/**
 * Receives progress reports while a dataset fetches missing files; the library itself prints
 * nothing.
 *
 * <p>A fetch tries its routes in order. Each route reports {@link #routeStarted}, then either
 * succeeds or reports {@link #routeFailed} and the next route starts. Within a route, each file
 * reports {@link #downloadStarted}, any number of {@link #downloadProgressed}, then
 * {@link #downloadFinished}. All calls come from the thread that called {@code Dataset.load}. Every
 * method does nothing by default.
 */
public interface FetchListener {
  /** A listener that ignores every report. */
  FetchListener NONE = new FetchListener() {};

  /** The route named {@code route} (a mirror URL, an npm package, …) is being tried. */
  default void routeStarted(String route) {}

  /** The route named {@code route} failed for {@code reason}; the next route, if any, follows. */
  default void routeFailed(String route, String reason) {}

  /** Downloading {@code file} began; {@code totalBytes} is its size, or -1 if unknown. */
  default void downloadStarted(String file, long totalBytes) {}

  /** {@code bytesSoFar} bytes of {@code file} have arrived. */
  default void downloadProgressed(String file, long bytesSoFar) {}

  /** Downloading {@code file} ended. */
  default void downloadFinished(String file) {}
}
