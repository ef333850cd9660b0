package dev.nnj.datasets;

import java.util.List;

/** Records fetch reports as lines such as {@code "routeFailed mirror: unknown host"}. */
final class RecordingListener implements FetchListener {
  private final List<String> events;

  RecordingListener(List<String> events) {
    this.events = events;
  }

  @Override
  public void routeStarted(String route) {
    events.add("routeStarted " + route);
  }

  @Override
  public void routeFailed(String route, String reason) {
    events.add("routeFailed " + route + ": " + reason);
  }

  @Override
  public void downloadStarted(String file, long totalBytes) {
    events.add("downloadStarted " + file);
  }

  @Override
  public void downloadProgressed(String file, long bytesSoFar) {
    events.add("downloadProgressed " + file + " " + bytesSoFar);
  }

  @Override
  public void downloadFinished(String file) {
    events.add("downloadFinished " + file);
  }
}
