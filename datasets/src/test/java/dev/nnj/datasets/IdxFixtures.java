package dev.nnj.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Builds small IDX files in memory for tests. */
final class IdxFixtures {
  private IdxFixtures() {}

  /** An IDX file with the given magic type byte, dimensions and data. */
  static byte[] idx(int type, int[] dimensions, byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
    buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dimensions.length);
    for (int d : dimensions) {
      buffer.putInt(d);
    }
    return buffer.put(data).array();
  }

  /** A well-formed IDX file of unsigned bytes. */
  static byte[] idx(int[] dimensions, byte[] data) {
    return idx(0x08, dimensions, data);
  }

  /** {@code count} 28×28 images; image i has every pixel equal to {@code pixel(i)}, pixel 0 = 0. */
  static byte[] images(int count, int firstValue) {
    byte[] data = new byte[count * 784];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < 784; p++) {
        data[i * 784 + p] = (byte) (p == 0 ? 0 : firstValue + i);
      }
    }
    return idx(new int[] {count, 28, 28}, data);
  }

  /** A label file holding {@code labels}. */
  static byte[] labels(int... labels) {
    byte[] data = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      data[i] = (byte) labels[i];
    }
    return idx(new int[] {labels.length}, data);
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A gzipped IDX file whose header declares {@code dimensions} followed by {@code zeros} zero
   * bytes, streamed to {@code file}: a decompression bomb of a few KB per MB of zeros.
   */
  static java.nio.file.Path gzipBomb(java.nio.file.Path file, int[] dimensions, long zeros)
      throws IOException {
    try (GZIPOutputStream gzip = new GZIPOutputStream(java.nio.file.Files.newOutputStream(file))) {
      gzip.write(idx(dimensions, new byte[0]));
      byte[] block = new byte[1 << 16];
      for (long written = 0; written < zeros; written += block.length) {
        gzip.write(block, 0, (int) Math.min(block.length, zeros - written));
      }
    }
    return file;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
