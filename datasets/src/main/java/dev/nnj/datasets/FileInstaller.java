package dev.nnj.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Writes fetched content under its final name only once it is complete and its checksum matches,
 * so an interrupted or corrupt download never leaves a file that looks like data.
 */
final class FileInstaller {
  private FileInstaller() {}

  /**
   * Copies {@code content} (not closed here; uncompressed, or the {@code .gz} bytes for a file
   * checksummed as gzip) to a temporary {@code .name.part-*} file in {@code directory}, checks its
   * SHA-256 against {@code file}, then moves it to {@code directory/}{@link IdxFile#storedName}.
   * The temporary file is deleted whatever happens.
   */
  static void install(InputStream content, Path directory, IdxFile file) throws IOException {
    // A random suffix rather than createTempFile, whose owner-only permissions would stick to the
    // installed file; CREATE_NEW still guarantees the part file is ours alone.
    Path part = directory.resolve("." + file.storedName() + ".part-" + UUID.randomUUID());
    try {
      MessageDigest sha = Sha256.digest();
      OutputStream stream = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW);
      try (OutputStream out = new DigestOutputStream(stream, sha)) {
        content.transferTo(out);
      }
      String actual = Sha256.hex(sha);
      if (!actual.equals(file.sha256())) {
        throw new IOException(file.storedName() + " has SHA-256 " + actual + ", expected " + file.sha256());
      }
      move(part, directory.resolve(file.storedName()));
    } finally {
      Files.deleteIfExists(part);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
