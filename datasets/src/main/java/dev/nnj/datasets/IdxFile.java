package dev.nnj.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One file of an IDX dataset: its name without {@code .gz}, and the SHA-256 of its uncompressed
 * content in lower-case hex.
 */
record IdxFile(String name, String sha256) {
  IdxFile {
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("name must be a plain file name: '" + name + "'");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: '" + sha256 + "'");
    }
  }

  /** The file in {@code directory}, raw if present, else with {@code .gz}; empty if neither. */
  Optional<Path> find(Path directory) {
    Path raw = directory.resolve(name);
    if (Files.isRegularFile(raw)) {
      return Optional.of(raw);
    }
    Path gzip = directory.resolve(name + ".gz");
    return Files.isRegularFile(gzip) ? Optional.of(gzip) : Optional.empty();
  }
}
