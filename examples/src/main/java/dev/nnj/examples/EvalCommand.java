package dev.nnj.examples;

import dev.nnj.core.NetworkFile;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnj eval FILE}: a saved network's accuracy and confusion matrix on MNIST's test images. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
        "Loads a network saved by 'nnj train --save FILE' and classifies MNIST's 10,000 test "
            + "images with it. Prints the accuracy and the confusion matrix: one row per true "
            + "digit, one column per predicted digit, the correct predictions on the diagonal:",
        "",
        "  Test accuracy: 9507 / 10000 (95.07 %%)",
        "",
        "  true\\pred     0     1 …",
        "          0   968     0 …",
        "",
        "MNIST is fetched on first use."})
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The saved network (JSON, format " + NetworkFile.FORMAT + ").")
  Path file;

  @Mixin DataOptions data;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    Registry registry = plugins.injector().getInstance(Registry.class);
    // The file first: a bad one is reported before MNIST is read or fetched.
    NetworkFile.Saved saved = NetworkFile.read(file, registry.jsonMapper());
    Splits mnist;
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
      mnist = registry.dataset("mnist").load(data.location("mnist", progress));
    }
    ConfusionMatrix matrix = ConfusionMatrix.of(saved.network(), mnist.test());
    PrintWriter out = spec.commandLine().getOut();
    out.println(matrix.accuracyLine("Test accuracy"));
    out.println();
    out.print(matrix.format());
    out.flush();
    return 0;
  }
}
