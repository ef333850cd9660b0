package dev.nnj.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * One file of an IDX dataset: its name without {@code .gz}, the SHA-256 its publisher gives in
 * lower-case hex, what that checksum is of, and the dimensions the published file has.
 *
 * <p>Publishers differ: MNIST's checksums are of the uncompressed files, so such a file may be
 * kept raw or gzipped; Fashion-MNIST's are of the {@code .gz} files, so such a file is kept as
 * the {@code .gz} it was published as.
 *
 * <p>A checksum fixes the content, so the dimensions are known before the file is read: a header
 * declaring others cannot be the published file, and is refused before its data is read or
 * inflated (a 2 MB {@code .gz} can declare two billion labels).
 *
 * @param dimensions the published file's dimensions, outermost first; empty when not known
 */
record IdxFile(String name, String sha256, Checksummed checksummed, List<Integer> dimensions) {

  /** What a published SHA-256 is computed over. */
  enum Checksummed {
    /** The uncompressed IDX content, whether the file is stored raw or gzipped. */
    UNCOMPRESSED_CONTENT,
    /** The {@code .gz} file exactly as published. */
    GZIP_FILE
  }

  IdxFile {
    if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
      throw new IllegalArgumentException("name must be a plain file name: '" + name + "'");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: '" + sha256 + "'");
    }
    if (checksummed == null) {
      throw new IllegalArgumentException("checksummed must not be null");
    }
    dimensions = List.copyOf(dimensions);
  }

  /** A file whose {@code sha256} is of its uncompressed content, as MNIST publishes them. */
  IdxFile(String name, String sha256) {
    this(name, sha256, Checksummed.UNCOMPRESSED_CONTENT, List.of());
  }

  /** A file whose {@code sha256} is of {@code name.gz} as published, as Fashion-MNIST's are. */
  static IdxFile gzipFile(String name, String sha256) {
    return new IdxFile(name, sha256, Checksummed.GZIP_FILE, List.of());
  }

  /** This file, published with these dimensions. */
  IdxFile declaring(Integer... dimensions) {
    return new IdxFile(name, sha256, checksummed, List.of(dimensions));
  }

  /** The name a fetched copy is stored under: {@code name}, or {@code name.gz} for a gzip file. */
  String storedName() {
    return checksummed == Checksummed.GZIP_FILE ? name + ".gz" : name;
  }

  /**
   * The file in {@code directory}: for uncompressed-content checksums raw if present, else with
   * {@code .gz}; for gzip-file checksums only the {@code .gz}. Empty if absent.
   */
  Optional<Path> find(Path directory) {
    if (checksummed == Checksummed.UNCOMPRESSED_CONTENT) {
      Path raw = directory.resolve(name);
      if (Files.isRegularFile(raw)) {
        return Optional.of(raw);
      }
    }
    Path gzip = directory.resolve(name + ".gz");
    return Files.isRegularFile(gzip) ? Optional.of(gzip) : Optional.empty();
  }

  /** Refuses what stands in {@code directory} under this file's names but cannot be read as it. */
  void checkUsableOrAbsent(Path directory) {
    if (checksummed == Checksummed.UNCOMPRESSED_CONTENT) {
      DataPath.checkUsableOrAbsent(directory.resolve(name));
    }
    DataPath.checkUsableOrAbsent(directory.resolve(name + ".gz"));
  }

  /** What to store from a downloaded {@code .gz} stream: the stream itself, or its decompression. */
  InputStream toStored(InputStream gzip) throws IOException {
    return checksummed == Checksummed.GZIP_FILE ? gzip : new GZIPInputStream(gzip);
  }
}
