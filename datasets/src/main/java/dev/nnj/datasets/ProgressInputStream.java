package dev.nnj.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes bytes through and tells a {@link FetchListener} how many have been read so far. */
final class ProgressInputStream extends FilterInputStream {
  private final String file;
  private final FetchListener listener;
  private long bytesSoFar;

  ProgressInputStream(InputStream in, String file, FetchListener listener) {
    super(in);
    this.file = file;
    this.listener = listener;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      advance(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void advance(long n) {
    bytesSoFar += n;
    listener.downloadProgressed(file, bytesSoFar);
  }
}
