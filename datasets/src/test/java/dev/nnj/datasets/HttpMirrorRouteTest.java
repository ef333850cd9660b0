package dev.nnj.datasets;

import static dev.nnj.datasets.IdxFixtures.gzip;
import static dev.nnj.datasets.IdxFixtures.labels;
import static dev.nnj.datasets.IdxFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP route against a server on the loopback address serving one gzip file. */
class HttpMirrorRouteTest {
  private static final byte[] LABELS = labels(7, 0, 4);
  private static final IdxFile FILE = new IdxFile("t10k-labels-idx1-ubyte", sha256(LABELS));

  @TempDir Path dir;
  private HttpServer server;
  private URI base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/mnist/", exchange -> {
      byte[] body = gzip(LABELS);
      boolean known = exchange.getRequestURI().getPath().equals("/mnist/t10k-labels-idx1-ubyte.gz");
      exchange.sendResponseHeaders(known ? 200 : 404, known ? body.length : -1);
      try (OutputStream out = exchange.getResponseBody()) {
        if (known) {
          out.write(body);
        }
      }
    });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void fetch_servedGzip_installsUncompressedFile() throws Exception {
    List<String> events = new ArrayList<>();
    new HttpMirrorRoute(base).fetch(List.of(FILE), dir, new RecordingListener(events));

    assertThat(Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte"))).isEqualTo(LABELS);
    assertThat(events).startsWith("downloadStarted t10k-labels-idx1-ubyte.gz")
        .endsWith("downloadFinished t10k-labels-idx1-ubyte.gz");
  }

  @Test
  void fetch_fileChecksummedAsGzip_installsTheGzipAsServed() throws Exception {
    IdxFile gzipFile = IdxFile.gzipFile("t10k-labels-idx1-ubyte", sha256(gzip(LABELS)));
    new HttpMirrorRoute(base).fetch(List.of(gzipFile), dir, FetchListener.NONE);

    assertThat(Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte.gz"))).isEqualTo(gzip(LABELS));
    assertThat(dir.toFile().list()).containsExactly("t10k-labels-idx1-ubyte.gz");
  }

  @Test
  void fetch_notFound_failsWithStatus() {
    IdxFile other = new IdxFile("absent", sha256(LABELS));
    assertThatThrownBy(() -> new HttpMirrorRoute(base).fetch(List.of(other), dir, FetchListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessage("HTTP 404 for absent.gz");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void constructor_baseWithoutSlash_rejected() {
    assertThatThrownBy(() -> new HttpMirrorRoute(URI.create("https://example.org/mnist")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://example.org/mnist");
  }

  @Test
  void describe_dnsFailures_sayUnknownHost() {
    ConnectException connect = new ConnectException();
    connect.initCause(new UnresolvedAddressException());
    assertThat(Fetcher.describe(connect)).isEqualTo("unknown host");
    assertThat(Fetcher.describe(new UnknownHostException("x.invalid"))).isEqualTo("unknown host");
    assertThat(Fetcher.describe(new IOException("line one\n  line two"))).isEqualTo("line one line two");
  }
}
