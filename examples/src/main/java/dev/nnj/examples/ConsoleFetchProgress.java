package dev.nnj.examples;

import dev.nnj.datasets.FetchListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a dataset fetch on standard error: which route is tried, why one failed, and a progress
 * bar for each download whose size is known.
 */
final class ConsoleFetchProgress implements FetchListener, AutoCloseable {

  private final PrintWriter err;
  private ProgressBar bar;

  ConsoleFetchProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void routeStarted(String route) {
    err.println("nnj: fetching via " + route);
    err.flush();
  }

  @Override
  public void routeFailed(String route, String reason) {
    closeBar();
    err.println("nnj: " + route + " failed: " + reason);
    err.flush();
  }

  @Override
  public void downloadStarted(String file, long totalBytes) {
    closeBar();
    if (totalBytes < 0) {
      // A download whose size is unknown (npm fetches the tarball itself): a bar would read
      // "0/0 MB" throughout, so say what is happening instead.
      err.println("nnj: downloading " + file + " (size unknown, progress not shown)");
      err.flush();
      return;
    }
    bar = new ProgressBarBuilder()
        .setTaskName(file)
        .setInitialMax(totalBytes)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" MB", 1_000_000)
        .showSpeed()
        .setConsumer(new BarOnWriter(err))
        .build();
  }

  @Override
  public void downloadProgressed(String file, long bytesSoFar) {
    if (bar != null) {
      bar.stepTo(bytesSoFar);
    }
  }

  @Override
  public void downloadFinished(String file) {
    closeBar();
  }

  @Override
  public void close() {
    closeBar();
  }

  /** Draws a bar in place on {@code err}: each frame after a carriage return, a newline at the end. */
  private static final class BarOnWriter implements ProgressBarConsumer {
    private final PrintWriter err;

    BarOnWriter(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int getMaxRenderedLength() {
      return 80;
    }

    @Override
    public void accept(String frame) {
      err.print('\r');
      err.print(frame);
      err.flush();
    }

    @Override
    public void close() {
      err.println();
      err.flush();
    }
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
