package dev.nnj.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nnj.core.NetworkFile;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.NamedDataset;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnj eval FILE}: a saved network's accuracy and confusion matrix on the test set of the
 * dataset it was trained on (MNIST for a file that does not say), or of {@code --dataset NAME}.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
        "Loads a network saved by 'nnj train --save FILE' and classifies the test set it was "
            + "trained on (MNIST's 10,000 test images unless the file or --dataset names another "
            + "dataset). Prints the accuracy and the confusion matrix: one row per true "
            + "digit, one column per predicted digit, the correct predictions on the diagonal:",
        "",
        "  Test accuracy: 9507 / 10000 (95.07 %%)",
        "",
        "  true\\pred     0     1 …",
        "          0   968     0 …",
        "",
        "MNIST and Fashion-MNIST are fetched on first use."})
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The saved network (JSON, format " + NetworkFile.FORMAT + ").")
  Path file;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "The dataset's registry name (default: the one the network was trained on, "
          + "else mnist).")
  String dataset;

  @Mixin DataOptions data;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    Registry registry = plugins.injector().getInstance(Registry.class);
    // The file first: a bad one is reported before MNIST is read or fetched.
    NetworkFile.Saved saved = NetworkFile.read(file, registry.jsonMapper());
    NamedDataset named = dataset != null ? NamedDataset.of(dataset) : trainedOn(saved, registry);
    Splits splits;
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
      splits = registry.dataset(named).load(data.location(named.name(), progress));
    }
    ConfusionMatrix matrix = ConfusionMatrix.of(saved.network(), splits.test());
    PrintWriter out = spec.commandLine().getOut();
    out.println(matrix.accuracyLine("Test accuracy"));
    out.println();
    out.print(matrix.format());
    out.flush();
    return 0;
  }

  /**
   * The dataset named in the file's training record: the experiment itself ({@code train --save})
   * or under "experiment" (a checkpoint); MNIST when the file names none.
   */
  private static NamedDataset trainedOn(NetworkFile.Saved saved, Registry registry) {
    JsonNode training = saved.training();
    JsonNode experiment = training != null && training.has("experiment")
        ? training.get("experiment") : training;
    JsonNode named = experiment == null ? null : experiment.get("dataset");
    if (named == null || named.isNull()) {
      return NamedDataset.of("mnist");
    }
    try {
      return registry.jsonMapper().treeToValue(named, NamedDataset.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the network's dataset " + named + ": "
          + e.getOriginalMessage(), e);
    }
  }
}
