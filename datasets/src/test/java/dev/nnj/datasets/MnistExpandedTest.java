package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistExpandedTest {

  @TempDir Path directory;

  /** Two 28×28 training images with a few inked pixels, and one-image validation and test sets. */
  private static Splits small() {
    float[] features = new float[2 * 784];
    features[0] = 1f;                       // image 0: (0, 0)
    features[5 * 28 + 7] = 128 / 255f;      // image 0: (5, 7)
    features[784 + 27 * 28 + 27] = 0.2f;    // image 1: (27, 27), the corner
    Examples training = new Examples(features, new Shape(1, 28, 28), new int[] {3, 8}, 10);
    Examples one = new Examples(new float[784], new Shape(1, 28, 28), new int[] {1}, 10);
    return new Splits(training, one, one);
  }

  private final Dataset source = new InMemoryDataset("two digits", small());

  private MnistExpanded expanded() {
    return new MnistExpanded(source, location -> location);
  }

  private static float pixel(Examples examples, int image, int y, int x) {
    return examples.feature(image, y * 28 + x);
  }

  @Test
  void eachImageIsFollowedByItsFourOnePixelShifts() {
    Splits splits = expanded().load(DataLocation.of(directory));
    Examples training = splits.training();
    assertThat(training.size()).isEqualTo(10);
    assertThat(training.shape()).isEqualTo(new Shape(1, 28, 28));
    assertThat(training.labels()).containsExactly(3, 3, 3, 3, 3, 8, 8, 8, 8, 8);
    // Image 0 as it is, then down, up, right, left.
    assertThat(pixel(training, 0, 5, 7)).isEqualTo(128 / 255f);
    assertThat(pixel(training, 1, 6, 7)).isEqualTo(128 / 255f);
    assertThat(pixel(training, 2, 4, 7)).isEqualTo(128 / 255f);
    assertThat(pixel(training, 3, 5, 8)).isEqualTo(128 / 255f);
    assertThat(pixel(training, 4, 5, 6)).isEqualTo(128 / 255f);
    // (0, 0) moves down and right; shifted up or left it falls off the image.
    assertThat(pixel(training, 1, 1, 0)).isEqualTo(1f);
    assertThat(pixel(training, 3, 0, 1)).isEqualTo(1f);
    for (int copy : new int[] {2, 4}) {
      float sum = 0;
      for (int k = 0; k < 784; k++) {
        sum += training.feature(copy, k);
      }
      assertThat(sum).as("copy %d keeps only the (5, 7) pixel", copy).isEqualTo(128 / 255f);
    }
    // Image 1's corner pixel survives only the shifts up and left.
    assertThat(pixel(training, 7, 26, 27)).isEqualTo(Math.round(0.2f * 255) / 255f);
    assertThat(pixel(training, 9, 27, 26)).isEqualTo(Math.round(0.2f * 255) / 255f);
    assertThat(splits.validation().labels()).containsExactly(1);
    assertThat(splits.test().labels()).containsExactly(1);
  }

  @Test
  void isCachedWithItsChecksums_andMadeAgainWhenTheCacheIsDamaged() throws IOException {
    Examples first = expanded().load(DataLocation.of(directory)).training();
    Path images = directory.resolve(MnistExpanded.IMAGES);
    assertThat(images).isRegularFile();
    assertThat(Files.readString(directory.resolve(MnistExpanded.SUMS)))
        .contains(MnistExpanded.IMAGES).contains(MnistExpanded.LABELS);
    byte[] written = Files.readAllBytes(images);

    assertThat(expanded().load(DataLocation.of(directory)).training().features())
        .containsExactly(first.features());

    byte[] damaged = written.clone();
    damaged[16 + 5 * 28 + 7] = 1; // a pixel of the first image
    Files.write(images, damaged);
    assertThat(expanded().load(DataLocation.of(directory)).training().features())
        .containsExactly(first.features());
    assertThat(Files.readAllBytes(images)).isEqualTo(written);
  }

  @Test
  void theSameMnistGivesTheSameBytes() throws IOException {
    Path other = Files.createDirectory(directory.resolve("other"));
    expanded().load(DataLocation.of(directory));
    expanded().load(DataLocation.of(other));
    for (String name : new String[] {MnistExpanded.IMAGES, MnistExpanded.LABELS, MnistExpanded.SUMS}) {
      assertThat(Files.readAllBytes(other.resolve(name)))
          .as(name).isEqualTo(Files.readAllBytes(directory.resolve(name)));
    }
  }
}
