package dev.nnj.examples;

import dev.nnj.activations.Softmax;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnj predict MODEL IMAGE...}: the digit a saved network reads in each picture. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
        "Reads each IMAGE (PNG, JPEG, GIF or BMP; greyscale or colour; any size) as one "
            + "handwritten digit, prepares it the way MNIST's digits were made, and prints the "
            + "digit MODEL predicts with the three most probable digits:",
        "",
        "  seven.png: 7  (7: 0.981, 9: 0.012, 2: 0.004)",
        "",
        "Preparation: the picture is turned grey; if its border is light (dark ink on paper) it "
            + "is inverted, so the digit is light on dark as in MNIST; the background is taken "
            + "to 0 and the brightest ink to 1; the picture is cropped to the ink, scaled "
            + "smoothly so its longer side is 20 pixels, and placed in a 28x28 frame with its "
            + "centre of mass at the centre. The border must be background: one digit, not cut "
            + "off, on a plain ground.",
        "",
        "The figures are probabilities when MODEL's output layer is softmax. For any other "
            + "output layer (e.g. the sigmoid of chapter 1) they are the output activations "
            + "divided by their sum (shifted first to be non-negative if any is negative): "
            + "relative scores, not calibrated probabilities.",
        "",
        "An image that cannot be read, or holds no ink, is reported on standard error; the "
            + "others are still predicted, and the exit code is 1."})
final class PredictCommand implements Callable<Integer> {

  private static final int SHOWN = 3;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL",
      description = "A network saved by 'nnj train --save FILE' (JSON, format " + NetworkFile.FORMAT
          + "), taking 784 inputs.")
  Path modelFile;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE",
      description = "Pictures of one digit each.")
  List<Path> images;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    Registry registry = plugins.injector().getInstance(Registry.class);
    Network network = NetworkFile.read(modelFile, registry.jsonMapper()).network();
    int inputs = network.spec().inputSize();
    if (inputs != DigitImage.SIZE * DigitImage.SIZE) {
      throw new IllegalArgumentException(modelFile + ": the network takes " + inputs
          + " inputs; a 28x28 digit needs 784");
    }
    List<dev.nnj.core.Layer> layers = network.spec().layers();
    boolean softmax = layers.get(layers.size() - 1) instanceof dev.nnj.core.Dense last
        && last.activation() instanceof Softmax;

    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (Path image : images) {
      double[] pixels;
      try {
        pixels = DigitImage.read(image);
      } catch (UncheckedIOException | IllegalArgumentException e) {
        err.println("nnj: error: " + e.getMessage());
        err.flush();
        failed++;
        continue;
      }
      double[] output = network.feedforward(pixels);
      out.println(image + ": " + line(softmax ? output : normalised(output)));
      out.flush();
    }
    return failed == 0 ? 0 : 1;
  }

  /** {@code "7  (7: 0.981, 9: 0.012, 2: 0.004)"}: the most probable digit, then the top three. */
  static String line(double[] probabilities) {
    List<Integer> ranked = IntStream.range(0, probabilities.length).boxed()
        .sorted(Comparator.comparingDouble((Integer k) -> probabilities[k]).reversed())
        .limit(SHOWN)
        .toList();
    return ranked.get(0) + "  (" + ranked.stream()
        .map(k -> String.format(Locale.ROOT, "%d: %.3f", k, probabilities[k]))
        .collect(Collectors.joining(", ")) + ")";
  }

  /** Output activations as shares of their sum, shifted to be non-negative first if needed. */
  static double[] normalised(double[] output) {
    double shift = Math.min(0.0, Arrays.stream(output).min().orElse(0.0));
    double sum = 0.0;
    for (double a : output) {
      sum += a - shift;
    }
    double[] shares = new double[output.length];
    for (int k = 0; k < output.length; k++) {
      // All equal (sum 0 after the shift): nothing to choose between, so equal shares.
      shares[k] = sum > 0 ? (output[k] - shift) / sum : 1.0 / output.length;
    }
    return shares;
  }
}
