package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.core.Conv;
import dev.nnj.core.Dense;
import dev.nnj.core.MaxPool;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.NetworkSpec;
import dev.nnj.datasets.Shape;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnj predict} with hand-set networks whose outputs are known: every weight zero, so the
 * output is the output layer's activation of its biases whatever the image.
 */
class PredictCommandTest extends CommandLineHarness {

  @TempDir Path directory;

  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);
  /** A [784, 10] network with zero weights and the given output biases. */
  private Path network(String activation, double[] biases) {
    Network network = Network.zeros(
        NetworkSpec.of(List.of(784, 10), registry.activation(activation)));
    for (int j = 0; j < 10; j++) {
      network.denseLayers().get(0).setBias(j, biases[j]);
    }
    Path file = directory.resolve(activation + ".json");
    NetworkFile.write(file, network, null, null, registry.jsonMapper());
    return file;
  }

  private Path digit(String name) throws IOException {
    BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 60, 80);
    g.setColor(Color.BLACK);
    g.fillRect(25, 10, 8, 60);
    g.dispose();
    Path file = directory.resolve(name);
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Test
  void predict_softmaxOutput_printsTheDigitAndTheTopThreeProbabilities() throws IOException {
    // Softmax of these biases: e^2 : e^1 : e^0.5 : 7 × e^0 over their sum.
    double[] biases = {0, 0, 0.5, 0, 0, 0, 0, 2, 0, 1};
    Path model = network("softmax", biases);
    Path image = digit("one.png");
    double sum = Math.exp(2) + Math.exp(1) + Math.exp(0.5) + 7;

    assertThat(run("predict", model.toString(), image.toString())).isZero();

    assertThat(out.toString().strip()).isEqualTo(String.format(java.util.Locale.ROOT,
        "%s: 7  (7: %.3f, 9: %.3f, 2: %.3f)", image, Math.exp(2) / sum, Math.exp(1) / sum,
        Math.exp(0.5) / sum));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void predict_sigmoidOutput_normalisesTheActivationsToSumToOne() throws IOException {
    // Sigmoid of 0 is 0.5 for nine outputs; of ln 3 it is 0.75 for digit 4: the sum is 5.25.
    double[] biases = new double[10];
    biases[4] = Math.log(3);
    Path image = digit("one.png");

    assertThat(run("predict", network("sigmoid", biases).toString(), image.toString())).isZero();

    assertThat(out.toString().strip()).isEqualTo(image + ": 4  (4: 0.143, 0: 0.095, 1: 0.095)");
  }

  @Test
  void predict_badImages_areReportedEachAndTheRestPredicted() throws IOException {
    Path model = network("softmax", new double[] {0, 0, 0, 3, 0, 0, 0, 0, 0, 0});
    Path text = directory.resolve("notes.png");
    Files.writeString(text, "not a picture");
    Path blank = directory.resolve("blank.png");
    ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", blank.toFile());
    Path good = digit("good.png");

    assertThat(run("predict", model.toString(), text.toString(), good.toString(), blank.toString()))
        .isEqualTo(1);

    assertThat(out.toString().lines()).hasSize(1).first().asString().startsWith(good + ": 3  (3: ");
    assertThat(err.toString().lines()).containsExactly(
        "nnj: error: " + text + ": not an image (PNG, JPEG, GIF or BMP)",
        "nnj: error: " + blank + ": no digit found: the image is blank");
  }

  @Test
  void predict_convolutionalNetwork_takesTheDigitAsAnImage() throws IOException {
    // Zero kernels give every image the same features, so the output biases decide: softmax of
    // e^3 against nine e^0.
    Network network = Network.zeros(new NetworkSpec(new Shape(1, 28, 28), List.of(
        new Conv(2, 5, registry.activation("relu")), new MaxPool(2),
        new Dense(10, registry.activation("softmax")))));
    network.denseLayers().get(0).setBias(4, 3.0);
    Path model = directory.resolve("conv.json");
    NetworkFile.write(model, network, null, null, registry.jsonMapper());
    Path image = digit("one.png");

    assertThat(run("predict", model.toString(), image.toString())).isZero();

    double p = Math.exp(3) / (Math.exp(3) + 9);
    assertThat(out.toString().strip()).startsWith(String.format(java.util.Locale.ROOT,
        "%s: 4  (4: %.3f, ", image, p));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void predict_networkThatDoesNotTake784Inputs_isOneLine() throws IOException {
    Path model = directory.resolve("small.json");
    NetworkFile.write(model, Network.zeros(NetworkSpec.of(List.of(4, 2), registry.activation("sigmoid"))),
        null, null, registry.jsonMapper());

    assertThat(run("predict", model.toString(), digit("one.png").toString())).isEqualTo(1);

    assertThat(err.toString().strip())
        .isEqualTo("nnj: error: " + model + ": the network takes 4 inputs; a 28x28 digit needs 784");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void predict_missingModel_isOneLine() throws IOException {
    Path absent = directory.resolve("absent.json");
    assertThat(run("predict", absent.toString(), digit("one.png").toString())).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly(
        "nnj: error: " + absent + ": cannot read: no such file or directory");
  }

  @Test
  void predict_pluginsGivenTwice_addUp() throws IOException {
    // --plugins is the one list option meant to be repeated: the error is the missing model.
    Path first = Files.createDirectory(directory.resolve("plugins-a"));
    Path second = Files.createDirectory(directory.resolve("plugins-b"));
    Path absent = directory.resolve("absent.json");
    assertThat(run("predict", absent.toString(), digit("one.png").toString(),
        "--plugins", first.toString(), "--plugins", second.toString())).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo(
        "nnj: error: " + absent + ": cannot read: no such file or directory");
  }

  @Test
  void predict_withoutImages_isAUsageError() {
    assertThat(run("predict", "model.json")).isEqualTo(2);
    assertThat(err.toString()).contains("IMAGE");
  }

  @Test
  void help_describesPreparationAndProbabilities() {
    assertThat(run("predict", "--help")).isZero();
    assertThat(out.toString()).contains("MODEL", "IMAGE", "softmax", "sum", "28x28",
        "centre of mass", "inverted", "nnj train --save FILE", "standard error");
  }

  @Test
  void topLevelHelp_listsPredictAndPlot() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("predict", "plot");
  }
}
