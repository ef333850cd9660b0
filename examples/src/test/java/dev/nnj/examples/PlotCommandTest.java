package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nnj.core.EpochResult;
import dev.nnj.core.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnj plot}: histories written here, drawn to PNGs that are decoded back. */
class PlotCommandTest extends CommandLineHarness {

  @TempDir Path directory;

  /** Five epochs; {@code all} measures all four figures, else only the evaluation accuracy. */
  private Path history(boolean all) {
    List<EpochResult> epochs = new ArrayList<>();
    double nan = Double.NaN;
    for (int epoch = 0; epoch < 5; epoch++) {
      double accuracy = 0.9 + 0.01 * epoch;
      epochs.add(new EpochResult(epoch, 0.5, all ? 0.5 / (epoch + 1) : nan,
          all ? accuracy + 0.02 : nan, all ? 0.6 / (epoch + 1) : nan, accuracy,
          (int) Math.round(accuracy * 10_000), 10_000, 1.5));
    }
    Path file = directory.resolve(all ? "all.json" : "accuracy.json");
    new History(epochs).writeJson(file);
    return file;
  }

  private static BufferedImage decode(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s decodes as an image", png).isNotNull();
    return image;
  }

  @Test
  void plot_allFigures_writesAPngOfTheRequestedSize() throws IOException {
    Path png = directory.resolve("history.png");

    assertThat(run("plot", history(true).toString(), "--out", png.toString(),
        "--width", "640", "--height", "360")).isZero();

    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(360);
    assertThat(err.toString()).isEmpty();
    // Only the PNG: the temporary file was moved into place.
    try (var files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("all.json", "history.png");
    }
  }

  @Test
  void plot_onlyEvaluationAccuracy_drawsWithTheDefaultSize() throws IOException {
    Path png = directory.resolve("accuracy.png");

    assertThat(run("plot", history(false).toString(), "--out", png.toString())).isZero();

    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(600);
  }

  @Test
  void plot_replacesAnExistingFile() throws IOException {
    Path png = directory.resolve("history.png");
    Files.writeString(png, "old");

    assertThat(run("plot", history(true).toString(), "--out", png.toString())).isZero();

    assertThat(decode(png).getWidth()).isEqualTo(800);
  }

  @Test
  void plot_historyWithNothingMeasured_isRefusedAndWritesNothing() {
    double nan = Double.NaN;
    Path file = directory.resolve("empty.json");
    new History(List.of(new EpochResult(0, 0.5, nan, nan, nan, nan, 0, 0, 1.0))).writeJson(file);
    Path png = directory.resolve("history.png");

    assertThat(run("plot", file.toString(), "--out", png.toString())).isEqualTo(1);

    assertThat(oneErrorLine()).isEqualTo("nnj: error: " + file
        + ": nothing to plot: no epoch has a measured accuracy or cost");
    assertThat(png).doesNotExist();
  }

  @Test
  void plot_outputInAMissingDirectory_isOneLineAndWritesNothing() {
    Path png = directory.resolve("absent").resolve("history.png");

    assertThat(run("plot", history(true).toString(), "--out", png.toString())).isEqualTo(2);

    assertThat(oneErrorLine()).startsWith("nnj: cannot write " + png + ": no directory ");
    assertThat(directory.resolve("absent")).doesNotExist();
  }

  @Test
  void plot_outputThatIsADirectory_isOneLine() {
    assertThat(run("plot", history(true).toString(), "--out", directory.toString())).isEqualTo(2);

    assertThat(oneErrorLine()).startsWith("nnj: cannot write " + directory + ": it is a directory");
  }

  @Test
  void plot_missingHistory_isOneLine() {
    Path absent = directory.resolve("absent.json");
    Path png = directory.resolve("history.png");

    assertThat(run("plot", absent.toString(), "--out", png.toString())).isEqualTo(1);

    assertThat(oneErrorLine()).isEqualTo("nnj: error: " + absent + ": cannot read: no such file");
    assertThat(png).doesNotExist();
  }

  @Test
  void plot_historyThatIsNotJson_isOneLine() throws IOException {
    Path file = directory.resolve("broken.json");
    Files.writeString(file, "{\"epochs\": [ {\n oops");

    assertThat(run("plot", file.toString(), "--out", directory.resolve("h.png").toString())).isEqualTo(1);

    assertThat(oneErrorLine()).startsWith("nnj: error: cannot read " + file);
  }

  @Test
  void plot_oddOrTinySize_isAUsageError() {
    assertThat(run("plot", history(true).toString(), "--out", directory.resolve("h.png").toString(),
        "--width", "801", "--height", "50")).isEqualTo(2);

    assertThat(oneErrorLine()).contains("--width must be an even number of pixels, at least 200: 801",
        "--height must be at least 100 pixels: 50");
  }

  @Test
  void plot_withoutOut_isAUsageError() {
    assertThat(run("plot", history(true).toString())).isEqualTo(2);
    assertThat(oneErrorLine()).contains("--out");
  }

  @Test
  void help_describesTheChartsAndOptions() {
    assertThat(run("plot", "--help")).isZero();
    assertThat(out.toString()).contains("HISTORY", "--out", "--width", "--height", "accuracy",
        "cost", "nnj train --history FILE");
  }

  @Test
  void plot_underUmask022_writesThePngWithMode0644() throws Exception {
    Path png = directory.resolve("history.png");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The umask is the process's: set it in a shell, which then runs nnj in a child JVM.
    Process process = new ProcessBuilder("sh", "-c", "umask 022 && exec \"$0\" -cp \"$1\" "
            + Main.class.getName() + " plot \"$2\" --out \"$3\"", java,
            System.getProperty("java.class.path"), history(true).toString(), png.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("output: %s", output).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(png)))
        .isEqualTo("rw-r--r--"); // Files.createTempFile's mode was rw-------
  }
}
