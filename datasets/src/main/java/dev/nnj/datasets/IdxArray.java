package dev.nnj.datasets;

import java.util.Arrays;
import java.util.Objects;

/**
 * The content of an IDX file of unsigned bytes: its dimensions, its data in row-major order, and
 * the SHA-256 of the whole uncompressed file.
 *
 * <p>For MNIST's {@code train-images-idx3-ubyte} the dimensions are {@code [60000, 28, 28]} and
 * {@code data} holds 47,040,000 pixels. The data array is shared, not copied: treat it as
 * read-only.
 */
public final class IdxArray {
  private final int[] dimensions;
  private final byte[] data;
  private final String sha256;

  IdxArray(int[] dimensions, byte[] data, String sha256) {
    this.dimensions = dimensions.clone();
    this.data = Objects.requireNonNull(data, "data");
    this.sha256 = Objects.requireNonNull(sha256, "sha256");
    long product = 1;
    for (int d : this.dimensions) {
      product *= d;
    }
    if (product != data.length) {
      throw new IllegalArgumentException("data.length must be the product of dimensions "
          + Arrays.toString(dimensions) + ": " + data.length);
    }
  }

  /** The size along each dimension, outermost first; a copy. */
  public int[] dimensions() {
    return dimensions.clone();
  }

  /** The number of dimensions, 1 to 4. */
  public int dimensionCount() {
    return dimensions.length;
  }

  /** The size along dimension {@code i}. */
  public int dimension(int i) {
    return dimensions[i];
  }

  /** The raw bytes in row-major order, not a copy; read each as unsigned with {@link #value}. */
  public byte[] data() {
    return data;
  }

  /** Element {@code index} of the data as an unsigned value, 0 to 255. */
  public int value(int index) {
    return Byte.toUnsignedInt(data[index]);
  }

  /** The SHA-256 of the uncompressed file (header and data), in lower-case hex. */
  public String sha256() {
    return sha256;
  }

  @Override
  public String toString() {
    return "IdxArray" + Arrays.toString(dimensions);
  }
}
