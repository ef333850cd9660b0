package dev.nnj.examples;

import dev.nnj.datasets.FetchListener;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a dataset fetch on standard error: which route is tried, why one failed, and a progress
 * bar for each download.
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
    bar = new ProgressBarBuilder()
        .setTaskName(file)
        .setInitialMax(totalBytes)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" MB", 1_000_000)
        .showSpeed()
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

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
