package dev.nnj.examples;

import dev.nnj.core.MemoryEstimate;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns a picture of one handwritten digit into the 784 inputs an MNIST network expects, the way
 * MNIST's digits were made (LeCun et al., <a href="http://yann.lecun.com/exdb/mnist/">the MNIST
 * database</a>): the digit light on dark, intensities in [0, 1], scaled with anti-aliasing so its
 * longer side is 20 pixels, and placed in a 28 × 28 frame with its centre of mass at the centre.
 *
 * <p>An MNIST image written out as a picture comes back nearly unchanged: its ink already spans
 * about 20 pixels and sits at the centre, so the crop, the scaling and the shift are close to the
 * identity. The polarity is read from the border, so a photo of dark ink on light paper works
 * as well; a picture whose border is not background (a digit cut off at the edge, a frame
 * drawn round it) is outside what this does.
 */
public final class DigitImage {

  /** MNIST's frame: 28 × 28 pixels, row-major. */
  public static final int SIZE = 28;

  /** The longer side of the digit's bounding box after scaling, as in MNIST. */
  public static final int BOX = 20;

  /** Where the centre of mass goes, in pixel-index coordinates (column, row). */
  public static final double CENTRE = SIZE / 2.0;

  /**
   * The least intensity, after the background is taken to 0 and the brightest ink to 1, that
   * counts as ink for the bounding box: low enough to keep anti-aliased edges, high enough to
   * skip JPEG noise and paper texture.
   */
  static final double INK = 0.1;

  private DigitImage() {}

  /**
   * Reads {@code file} (PNG, JPEG, GIF or BMP, greyscale or colour, any size) and converts it
   * with {@link #toMnistPixels}.
   *
   * @throws UncheckedIOException if the file cannot be read or is not an image; the message is one
   *     line naming the file
   * @throws IllegalArgumentException if the image holds no ink; the message names the file
   */
  public static double[] read(Path file) {
    return read(file, Runtime.getRuntime().maxMemory());
  }

  /**
   * {@link #read(Path)}, refusing from the header's dimensions, before any pixel is decoded, an
   * image that could not be converted within {@code maxHeap} bytes.
   *
   * @throws IllegalArgumentException naming the file, its dimensions, the memory and the limit
   */
  static double[] read(Path file, long maxHeap) {
    BufferedImage image;
    try (InputStream in = Files.newInputStream(file);
        ImageInputStream stream = ImageIO.createImageInputStream(in)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        throw new UncheckedIOException(file + ": not an image (PNG, JPEG, GIF or BMP)",
            new IOException("no image reader for " + file));
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        checkFits(file, reader, maxHeap);
        image = reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(file + ": cannot read: no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      return toMnistPixels(image);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses an image whose decoded pixels and their intensities (8 bytes each, see
   * {@link #grey}) would not fit in {@code maxHeap}: a lower bound of what converting it holds.
   */
  private static void checkFits(Path file, ImageReader reader, long maxHeap) throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    ImageTypeSpecifier raw = reader.getRawImageType(0);
    double decoded = raw == null ? Integer.BYTES : raw.getColorModel().getPixelSize() / 8.0;
    double needed = (double) width * height * (decoded + Double.BYTES);
    if (needed > maxHeap) {
      throw new IllegalArgumentException(file + ": a " + width + "×" + height + " image needs at "
          + "least " + MemoryEstimate.binaryUnits((long) Math.min(needed, Long.MAX_VALUE))
          + " of memory to read, more than this JVM's maximum heap of "
          + MemoryEstimate.binaryUnits(maxHeap) + " (-Xmx); scale it down first: a digit needs "
          + "no more than a few hundred pixels a side");
    }
  }

  /**
   * The 784 MNIST-style pixels of {@code image}, row-major, 0 = background, 1 = ink.
   *
   * @throws IllegalArgumentException if the image holds no ink: it is one flat colour
   */
  public static double[] toMnistPixels(BufferedImage image) {
    double[][] grey = lightOnDark(grey(image));
    Box box = inkBox(grey);
    double scale = (double) BOX / Math.max(box.width(), box.height());
    int scaledWidth = Math.max(1, (int) Math.round(box.width() * scale));
    int scaledHeight = Math.max(1, (int) Math.round(box.height() * scale));
    double[][] digit = resample(crop(grey, box), scaledWidth, scaledHeight);
    return centred(digit);
  }

  /**
   * Intensity in [0, 1]: a greyscale image's stored grey levels as they are, a colour image's
   * luminance (Rec. 601 weights); transparent pixels count as white paper.
   */
  private static double[][] grey(BufferedImage image) {
    double[][] grey = new double[image.getHeight()][image.getWidth()];
    ColorModel colours = image.getColorModel();
    if (colours.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // Read the samples: getRGB would convert Java's linear grey to sRGB and brighten the
      // mid-greys, so an MNIST digit written as a grey PNG would not come back as it was.
      Raster raster = image.getRaster();
      double greyMax = (1 << colours.getComponentSize(0)) - 1;
      double alphaMax = colours.hasAlpha() ? (1 << colours.getComponentSize(1)) - 1 : 1;
      for (int y = 0; y < grey.length; y++) {
        for (int x = 0; x < grey[y].length; x++) {
          double alpha = colours.hasAlpha() ? raster.getSample(x, y, 1) / alphaMax : 1.0;
          grey[y][x] = alpha * raster.getSample(x, y, 0) / greyMax + (1 - alpha);
        }
      }
      return grey;
    }
    for (int y = 0; y < grey.length; y++) {
      for (int x = 0; x < grey[y].length; x++) {
        int argb = image.getRGB(x, y);
        double alpha = (argb >>> 24) / 255.0;
        double luminance = (0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff)
            + 0.114 * (argb & 0xff)) / 255.0;
        grey[y][x] = alpha * luminance + (1 - alpha);
      }
    }
    return grey;
  }

  /**
   * Inverts dark-on-light pictures, then stretches intensities so the background (the border's
   * median) is 0 and the brightest ink is 1.
   */
  private static double[][] lightOnDark(double[][] grey) {
    double background = median(border(grey));
    boolean darkOnLight = background > 0.5;
    double brightest = 0.0;
    for (double[] row : grey) {
      for (int x = 0; x < row.length; x++) {
        row[x] = darkOnLight ? 1.0 - row[x] : row[x];
        brightest = Math.max(brightest, row[x]);
      }
    }
    double floor = darkOnLight ? 1.0 - background : background;
    double range = brightest - floor;
    // A range of a few grey levels is noise on a blank picture, not a digit.
    if (range < 0.05) {
      throw new IllegalArgumentException("no digit found: the image is blank");
    }
    for (double[] row : grey) {
      for (int x = 0; x < row.length; x++) {
        row[x] = Math.min(1.0, Math.max(0.0, (row[x] - floor) / range));
      }
    }
    return grey;
  }

  private static double[] border(double[][] grey) {
    int height = grey.length;
    int width = grey[0].length;
    double[] border = new double[height == 1 || width == 1 ? width * height : 2 * (width + height) - 4];
    int i = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (y == 0 || y == height - 1 || x == 0 || x == width - 1) {
          border[i++] = grey[y][x];
        }
      }
    }
    return border;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** The rows and columns [top, bottom) × [left, right) holding every pixel above {@link #INK}. */
  private record Box(int left, int top, int right, int bottom) {
    int width() {
      return right - left;
    }

    int height() {
      return bottom - top;
    }
  }

  private static Box inkBox(double[][] grey) {
    int left = Integer.MAX_VALUE;
    int top = Integer.MAX_VALUE;
    int right = -1;
    int bottom = -1;
    for (int y = 0; y < grey.length; y++) {
      for (int x = 0; x < grey[y].length; x++) {
        if (grey[y][x] > INK) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    if (right < 0) {
      throw new IllegalArgumentException("no digit found: the image is blank");
    }
    return new Box(left, top, right + 1, bottom + 1);
  }

  private static double[][] crop(double[][] grey, Box box) {
    double[][] cropped = new double[box.height()][];
    for (int y = 0; y < cropped.length; y++) {
      cropped[y] = Arrays.copyOfRange(grey[box.top() + y], box.left(), box.right());
    }
    return cropped;
  }

  /** Area-averaging resampling, rows then columns: each new pixel is the mean of what it covers. */
  private static double[][] resample(double[][] image, int width, int height) {
    double[][] rows = new double[image.length][];
    for (int y = 0; y < image.length; y++) {
      rows[y] = resample(image[y], width);
    }
    double[][] result = new double[height][width];
    double[] column = new double[image.length];
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < image.length; y++) {
        column[y] = rows[y][x];
      }
      double[] scaled = resample(column, height);
      for (int y = 0; y < height; y++) {
        result[y][x] = scaled[y];
      }
    }
    return result;
  }

  /**
   * One line resampled to {@code length} pixels: new pixel {@code j} covers source interval
   * {@code [j·r, (j+1)·r)} with {@code r = in.length / length}, and takes the mean over it, each
   * source pixel weighted by how much of it lies inside.
   */
  static double[] resample(double[] in, int length) {
    double ratio = (double) in.length / length;
    double[] out = new double[length];
    for (int j = 0; j < length; j++) {
      double from = j * ratio;
      double to = (j + 1) * ratio;
      double sum = 0.0;
      for (int i = (int) Math.floor(from); i < Math.min(in.length, (int) Math.ceil(to)); i++) {
        double overlap = Math.min(to, i + 1) - Math.max(from, i);
        sum += overlap * in[i];
      }
      // The mean of values in [0, 1]; min() only removes rounding error above 1.
      out[j] = Math.min(1.0, sum / ratio);
    }
    return out;
  }

  /**
   * {@code digit} in a 28 × 28 frame, shifted by whole pixels so that its centre of mass lands
   * within half a pixel of {@link #CENTRE}; the shift is clamped so the digit stays inside.
   */
  private static double[] centred(double[][] digit) {
    int height = digit.length;
    int width = digit[0].length;
    double mass = 0.0;
    double sumX = 0.0;
    double sumY = 0.0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        mass += digit[y][x];
        sumX += x * digit[y][x];
        sumY += y * digit[y][x];
      }
    }
    int left = clamp((int) Math.round(CENTRE - sumX / mass), SIZE - width);
    int top = clamp((int) Math.round(CENTRE - sumY / mass), SIZE - height);
    double[] pixels = new double[SIZE * SIZE];
    for (int y = 0; y < height; y++) {
      System.arraycopy(digit[y], 0, pixels, (top + y) * SIZE + left, width);
    }
    return pixels;
  }

  private static int clamp(int offset, int max) {
    return Math.max(0, Math.min(max, offset));
  }
}
