package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DigitImage}: MNIST-style preparation of pictures drawn here, so every case is known. */
class DigitImageTest {

  @TempDir Path directory;

  /** A "7" drawn with a thick anti-aliased pen, off centre, in the given colours. */
  private static BufferedImage seven(int width, int height, Color ink, Color paper, int imageType) {
    BufferedImage image = new BufferedImage(width, height, imageType);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(paper);
    g.fillRect(0, 0, width, height);
    g.setColor(ink);
    g.setStroke(new BasicStroke(width / 15f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    int[] xs = {width / 5, width / 2, width / 3};
    int[] ys = {height / 6, height / 6, height * 3 / 4};
    g.drawPolyline(xs, ys, 3);
    g.dispose();
    return image;
  }

  private static double[] centreOfMass(double[] pixels) {
    double mass = 0;
    double x = 0;
    double y = 0;
    for (int i = 0; i < pixels.length; i++) {
      mass += pixels[i];
      x += (i % 28) * pixels[i];
      y += (i / 28) * pixels[i];
    }
    return new double[] {x / mass, y / mass};
  }

  /** {left, top, right, bottom} (inclusive) of the pixels above {@code threshold}. */
  private static int[] box(double[] pixels, double threshold) {
    int[] box = {28, 28, -1, -1};
    for (int i = 0; i < pixels.length; i++) {
      if (pixels[i] > threshold) {
        box[0] = Math.min(box[0], i % 28);
        box[1] = Math.min(box[1], i / 28);
        box[2] = Math.max(box[2], i % 28);
        box[3] = Math.max(box[3], i / 28);
      }
    }
    return box;
  }

  /** The photographic negative of {@code image}: {@code 255 − v} in every channel. */
  private static BufferedImage negative(BufferedImage image) {
    BufferedImage negative = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        negative.setRGB(x, y, image.getRGB(x, y) ^ 0x00ffffff);
      }
    }
    return negative;
  }

  @Test
  void toMnistPixels_darkOnLightAndLightOnDark_giveTheSamePixels() {
    BufferedImage dark = seven(150, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
    BufferedImage light = negative(dark);
    assertThat(light.getRGB(0, 0) & 0xffffff).isZero();

    double[] fromDark = DigitImage.toMnistPixels(dark);
    double[] fromLight = DigitImage.toMnistPixels(light);

    assertThat(fromDark).hasSize(784);
    // The same stroke; after inversion the two differ only by rounding in 1 − v.
    assertThat(fromDark).containsExactly(fromLight, within(1e-9));
  }

  @Test
  void toMnistPixels_colourPhotoOnGreyPaper_isLikeBlackOnWhite() {
    double[] photo = DigitImage.toMnistPixels(seven(150, 200, new Color(20, 30, 90),
        new Color(210, 205, 190), BufferedImage.TYPE_INT_RGB));
    double[] clean = DigitImage.toMnistPixels(
        seven(150, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
    // The background goes to 0 and the ink to 1 either way; only anti-aliased edges differ a
    // little, as the grey levels between paper and ink are quantised to different steps.
    assertThat(photo).containsExactly(clean, within(0.02));
  }

  @Test
  void toMnistPixels_liesInTheUnitInterval_withBackgroundZero() {
    double[] pixels = DigitImage.toMnistPixels(
        seven(90, 60, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB));
    assertThat(Arrays.stream(pixels).min().orElseThrow()).isZero();
    assertThat(Arrays.stream(pixels).max().orElseThrow()).isEqualTo(1.0);
    assertThat(pixels[0]).isZero();
  }

  @Test
  void toMnistPixels_putsTheCentreOfMassAtTheCentre() {
    for (BufferedImage image : new BufferedImage[] {
        seven(150, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_BYTE_GRAY),
        seven(400, 90, Color.WHITE, Color.BLACK, BufferedImage.TYPE_INT_RGB),
        seven(12, 16, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB)}) {
      double[] centre = centreOfMass(DigitImage.toMnistPixels(image));
      assertThat(centre[0]).isCloseTo(14.0, within(0.5));
      assertThat(centre[1]).isCloseTo(14.0, within(0.5));
    }
  }

  @Test
  void toMnistPixels_scalesTheLongerSideTo20Pixels() {
    // Tall: 200 high, the stroke spans ~130 rows and ~60 columns.
    int[] tall = box(DigitImage.toMnistPixels(
        seven(150, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_BYTE_GRAY)), 0.0);
    assertThat(tall[3] - tall[1] + 1).isEqualTo(20);
    assertThat(tall[2] - tall[0] + 1).isLessThan(20);
    // Wide: 400 by 90, the stroke spans more columns than rows.
    int[] wide = box(DigitImage.toMnistPixels(
        seven(400, 90, Color.BLACK, Color.WHITE, BufferedImage.TYPE_BYTE_GRAY)), 0.0);
    assertThat(wide[2] - wide[0] + 1).isEqualTo(20);
    assertThat(wide[3] - wide[1] + 1).isLessThan(20);
  }

  @Test
  void toMnistPixels_leavesADigitMadeTheMnistWayUnchanged() {
    // A bar 11 wide and 20 high with a foot 19 wide: its longer side is already 20 and its
    // centre of mass, (14, 13.83), rounds to the centre, so crop, scaling and shift are the identity.
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(9, 4, 11, 20);
    g.fillRect(5, 23, 19, 1);
    g.dispose();
    double[] pixels = DigitImage.toMnistPixels(image);
    for (int i = 0; i < 784; i++) {
      int x = i % 28;
      int y = i / 28;
      boolean ink = (x >= 9 && x < 20 && y >= 4 && y < 24) || (y == 23 && x >= 5 && x < 24);
      assertThat(pixels[i]).as("pixel (%d, %d)", x, y).isEqualTo(ink ? 1.0 : 0.0);
    }
  }

  @Test
  void toMnistPixels_allWhite_isRefused() {
    BufferedImage white = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = white.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 40, 40);
    g.dispose();
    assertThatThrownBy(() -> DigitImage.toMnistPixels(white))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no digit found: the image is blank");
  }

  @Test
  void read_blankFile_isRefusedNamingTheFile() throws IOException {
    Path file = directory.resolve("blank.png");
    ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
    assertThatThrownBy(() -> DigitImage.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": no digit found: the image is blank");
  }

  @Test
  void read_fileThatIsNotAnImage_isOneLineNamingTheFile() throws IOException {
    Path file = directory.resolve("notes.png");
    Files.writeString(file, "not a picture\n");
    assertThatThrownBy(() -> DigitImage.read(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(file + ": not an image (PNG, JPEG, GIF or BMP)");
  }

  @Test
  void read_missingFile_isOneLineNamingTheFile() {
    Path file = directory.resolve("absent.png");
    assertThatThrownBy(() -> DigitImage.read(file))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(file + ": cannot read: no such file");
  }

  @Test
  void read_jpegPhoto_givesTheSameDigitAsThePng() throws IOException {
    BufferedImage image = seven(150, 200, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
    Path png = directory.resolve("seven.png");
    Path jpeg = directory.resolve("seven.jpg");
    ImageIO.write(image, "png", png.toFile());
    ImageIO.write(image, "jpeg", jpeg.toFile());
    // JPEG's ringing near the edges stays below the ink threshold or is averaged away by the
    // 7.5-fold reduction; a few hundredths is what is left.
    assertThat(DigitImage.read(jpeg)).containsExactly(DigitImage.read(png), within(0.05));
  }

  @Test
  void resample_averagesTheAreaEachNewPixelCovers() {
    assertThat(DigitImage.resample(new double[] {1, 0, 1, 0}, 2)).containsExactly(0.5, 0.5);
    assertThat(DigitImage.resample(new double[] {1, 0, 0}, 2)).containsExactly(
        new double[] {(1 + 0.5 * 0) / 1.5, 0.0}, within(1e-12));
    assertThat(DigitImage.resample(new double[] {0.2, 0.8}, 2)).containsExactly(0.2, 0.8);
  }
}
