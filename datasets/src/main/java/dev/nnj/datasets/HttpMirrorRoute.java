package dev.nnj.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Fetches {@code <name>.gz} for each file from one HTTP mirror and stores it uncompressed, or as
 * the {@code .gz} itself when that is what the file's checksum is of.
 *
 * <p>The first file that fails ends the route, so an unreachable mirror costs one failed
 * connection, not four.
 */
final class HttpMirrorRoute implements FetchRoute {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  private final URI base;

  /** A mirror serving the gzip files under {@code base}, which ends with {@code /}. */
  HttpMirrorRoute(URI base) {
    this.base = Objects.requireNonNull(base, "base");
    if (!base.toString().endsWith("/")) {
      throw new IllegalArgumentException("base must end with '/': " + base);
    }
  }

  @Override
  public String name() {
    return base.toString();
  }

  @Override
  public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    for (IdxFile file : files) {
      String gzipName = file.name() + ".gz";
      HttpRequest request = HttpRequest.newBuilder(base.resolve(gzipName))
          .timeout(RESPONSE_TIMEOUT)
          .GET()
          .build();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("HTTP " + response.statusCode() + " for " + gzipName);
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        listener.downloadStarted(gzipName, total);
        InputStream counted = new ProgressInputStream(body, gzipName, listener);
        FileInstaller.install(file.toStored(counted), directory, file);
        listener.downloadFinished(gzipName);
      }
    }
  }
}
