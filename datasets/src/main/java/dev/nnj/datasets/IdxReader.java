package dev.nnj.datasets;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format of MNIST (LeCun et al., "THE MNIST DATABASE of
 * handwritten digits"), raw or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number {@code 00 00 08 n} (08 = unsigned byte, n = number of
 * dimensions), then n big-endian 32-bit sizes, then the data in row-major order. Gzip is detected
 * by its magic bytes {@code 1f 8b}, not by the file name. Every malformation is rejected with a
 * {@link DatasetException} naming the file, and no array is allocated beyond what the file can
 * justify: a raw file's declared size is checked against its length first, and a gzip stream's
 * buffer grows only as data arrives.
 */
public final class IdxReader {
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int FIRST_GZIP_BUFFER = 1 << 20;
  /** How many bytes past the declared data are counted before the count gives up. */
  private static final int TRAILING_COUNTED = 1 << 16;

  private IdxReader() {}

  /**
   * Reads {@code file}, raw or gzip-compressed.
   *
   * @throws DatasetException naming the file, if it is missing, unreadable or not a well-formed
   *     IDX file of unsigned bytes
   */
  public static IdxArray read(Path file) {
    return read(file, List.of());
  }

  /**
   * {@link #read(Path)} for a file that must have the given dimensions: a header declaring
   * others is refused before any data is read, so that a small {@code .gz} declaring billions of
   * values inflates nothing. Empty {@code expected} takes any dimensions.
   *
   * @throws DatasetException naming the file and both dimensions
   */
  public static IdxArray read(Path file, List<Integer> expected) {
    String name = String.valueOf(file.getFileName());
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      boolean gzip = startsWithGzipMagic(in);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      InputStream content = new DigestInputStream(gzip ? new GZIPInputStream(in) : in, sha);
      long rawLength = gzip ? -1 : Files.size(file);
      return read(name, new DataInputStream(content), rawLength, sha, expected);
    } catch (NoSuchFileException e) {
      throw new DatasetException(name + ": no such file: " + file, e);
    } catch (ZipException | EOFException e) {
      throw new DatasetException(name + ": corrupt gzip stream: " + reason(e), e);
    } catch (IOException e) {
      throw new DatasetException(name + ": cannot read " + file + ": " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The decompressor's words, or for its bare EOFException what it means. */
  private static String reason(IOException e) {
    if (e.getMessage() != null) {
      return e.getMessage();
    }
    return e instanceof EOFException ? "the file ends before the stream does (cut short?)"
        : "not valid gzip data";
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  /** Reads header and data; {@code rawLength} is the file length, or -1 when it is unknown. */
  private static IdxArray read(String name, DataInputStream in, long rawLength, MessageDigest sha,
      List<Integer> expected) throws IOException {
    byte[] magic = new byte[4];
    int got = in.readNBytes(magic, 0, 4);
    if (got < 4) {
      throw new DatasetException(name + ": not an IDX file: " + got + " bytes, too short for a header");
    }
    int dimensionCount = magic[3];
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || dimensionCount < 1 || dimensionCount > 4) {
      throw new DatasetException(String.format(
          "%s: not an IDX file of unsigned bytes (magic 0x%08x)", name, ((magic[0] & 0xff) << 24)
              | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff)));
    }
    int[] dimensions = readDimensions(name, in, dimensionCount);
    List<Integer> declared = Arrays.stream(dimensions).boxed().toList();
    if (!expected.isEmpty() && !declared.equals(expected)) {
      throw new DatasetException(name + ": the header declares " + shape(dimensions)
          + ", not the " + shape(expected.stream().mapToInt(Integer::intValue).toArray())
          + " of the published file; the file is not it, or corrupt");
    }
    int size = declaredSize(name, dimensions);
    int headerLength = 4 + 4 * dimensionCount;
    if (rawLength >= 0) {
      checkRawLength(name, size, rawLength - headerLength);
    }
    byte[] data = rawLength >= 0 ? readExactly(in, size) : readGrowing(in, size);
    if (data.length < size) {
      throw truncated(name, size, data.length);
    }
    // Counted up to a bound: a gzip stream can inflate without end past the declared data.
    int trailing = in.readNBytes(TRAILING_COUNTED + 1).length;
    if (trailing > TRAILING_COUNTED) {
      throw new DatasetException(name + ": more than " + TRAILING_COUNTED + " trailing bytes "
          + "after the " + size + " bytes of data the header declares");
    }
    if (trailing > 0) {
      throw trailingBytes(name, size, trailing);
    }
    return new IdxArray(dimensions, data, HexFormat.of().formatHex(sha.digest()));
  }

  private static int[] readDimensions(String name, DataInputStream in, int dimensionCount)
      throws IOException {
    int[] dimensions = new int[dimensionCount];
    for (int i = 0; i < dimensionCount; i++) {
      try {
        dimensions[i] = in.readInt();
      } catch (EOFException e) {
        throw new DatasetException(name + ": truncated header: " + dimensionCount
            + " dimensions declared, file ends after " + i, e);
      }
      if (dimensions[i] <= 0) {
        throw new DatasetException(name + ": dimension " + (i + 1) + " of " + dimensionCount
            + " must be > 0: " + dimensions[i]);
      }
    }
    return dimensions;
  }

  private static int declaredSize(String name, int[] dimensions) {
    long size = 1;
    for (int d : dimensions) {
      size *= d; // each factor < 2^31 and size <= MAX_ARRAY before it, so the long cannot overflow
      if (size > MAX_ARRAY) {
        throw new DatasetException(name + ": dimensions " + shape(dimensions) + " overflow: more than "
            + MAX_ARRAY + " bytes of data");
      }
    }
    return (int) size;
  }

  /** {@code [60000×28×28]}. */
  private static String shape(int[] dimensions) {
    return Arrays.toString(dimensions).replace(", ", "×");
  }

  private static void checkRawLength(String name, int size, long present) {
    if (present < size) {
      throw truncated(name, size, present);
    }
    if (present > size) {
      throw trailingBytes(name, size, present - size);
    }
  }

  /** Reads up to {@code size} bytes into one array, for a raw file whose length vouches for them. */
  private static byte[] readExactly(InputStream in, int size) throws IOException {
    byte[] data = new byte[size];
    int filled = in.readNBytes(data, 0, size);
    return filled == size ? data : Arrays.copyOf(data, filled);
  }

  /** Reads up to {@code size} bytes, growing the buffer only as bytes actually arrive. */
  private static byte[] readGrowing(InputStream in, int size) throws IOException {
    byte[] buffer = new byte[Math.min(size, FIRST_GZIP_BUFFER)];
    int filled = 0;
    while (filled < size) {
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(size, 2L * buffer.length));
      }
      int n = in.read(buffer, filled, buffer.length - filled);
      if (n < 0) {
        break;
      }
      filled += n;
    }
    return filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
  }

  private static DatasetException truncated(String name, int size, long present) {
    return new DatasetException(name + ": truncated: header declares " + size
        + " bytes of data, file holds " + present);
  }

  private static DatasetException trailingBytes(String name, int size, long trailing) {
    return new DatasetException(name + ": " + trailing + " trailing bytes after the " + size
        + " bytes of data the header declares");
  }
}
