package dev.nnj.datasets;

/**
 * The shape of one example, or of what one layer of a network gives per example:
 * {@code channels × height × width}. A flat vector of {@code n} values is {@code 1 × 1 × n}.
 * MNIST's images are {@code 1 × 28 × 28}; the values are stored channel by channel, each channel
 * row by row, so an image's pixel {@code (y, x)} of channel {@code c} is at
 * {@code (c · height + y) · width + x}.
 *
 * @param channels the number of channels, ≥ 1
 * @param height the number of rows, ≥ 1
 * @param width the number of columns, ≥ 1
 */
public record Shape(int channels, int height, int width) {

  /** Refuses a dimension below one and a size beyond an array's reach. */
  public Shape {
    if (channels < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "every dimension of a shape must be >= 1: " + channels + "×" + height + "×" + width);
    }
    if ((long) channels * height * width > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a shape of " + channels + "×" + height + "×" + width
          + " has more values than an array can hold");
    }
  }

  /** A flat vector of {@code size} values. */
  public static Shape flat(int size) {
    return new Shape(1, 1, size);
  }

  /** The number of values: {@code channels · height · width}. */
  public int size() {
    return channels * height * width;
  }

  /** Whether this is a flat vector, {@code 1 × 1 × n}. */
  public boolean isFlat() {
    return channels == 1 && height == 1;
  }

  /** {@code "784"} for a flat vector, else {@code "1×28×28"}. */
  @Override
  public String toString() {
    return isFlat() ? Integer.toString(width) : channels + "×" + height + "×" + width;
  }
}
