package dev.nnj.examples;

import com.google.inject.Guice;
import dev.nnj.core.EpochResult;
import dev.nnj.core.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nnj train}: Nielsen's chapter-1 network on MNIST, one line per epoch. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
        "Trains Nielsen's chapter-1 network (sigmoid neurons, quadratic cost, mini-batch SGD) "
            + "on MNIST's 50,000 training images. After each epoch it prints how many of the "
            + "10,000 test images it classifies correctly and the epoch's training time:",
        "",
        "  Epoch 0: 9129 / 10000 (0.09 s)",
        "",
        "The defaults are the book's run. MNIST is fetched on first use."})
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--sizes", paramLabel = "N,N[,N...]", split = ",", hideParamSyntax = true,
      description = "Layer sizes, input first (default: ${DEFAULT-VALUE}).", defaultValue = "784,30,10")
  List<Integer> sizes;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "30",
      description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", paramLabel = "M", defaultValue = "10",
      description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--eta", paramLabel = "η", defaultValue = "3.0",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seeds the initial weights and the shuffles: the same seed, the same result "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin DataOptions data;

  @Override
  public Integer call() {
    ChapterOne.Settings settings = validatedSettings();
    PrintWriter out = spec.commandLine().getOut();
    ChapterOne chapterOne = Guice.createInjector(new NnjModule()).getInstance(ChapterOne.class);
    TrainingListener printer = new TrainingListener() {
      @Override
      public void epochFinished(EpochResult result) {
        out.println(String.format(Locale.ROOT, "Epoch %d: %d / %d (%.2f s)",
            result.epoch(), result.correct(), result.evaluated(), result.trainingSeconds()));
        out.flush();
      }
    };
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
      chapterOne.run(settings, data.location("mnist", progress), printer);
    }
    return 0;
  }

  /** Checks every option up front so that a bad one is named before any data is read. */
  private ChapterOne.Settings validatedSettings() {
    List<String> problems = new ArrayList<>();
    if (sizes.size() < 2) {
      problems.add("--sizes needs at least two layers: " + sizes);
    }
    if (sizes.stream().anyMatch(size -> size < 1)) {
      problems.add("--sizes must all be positive: " + sizes);
    }
    if (epochs < 1) {
      problems.add("--epochs must be a positive integer: " + epochs);
    }
    if (batchSize < 1) {
      problems.add("--batch must be a positive integer: " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      problems.add("--eta must be a positive number: " + learningRate);
    }
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", problems));
    }
    return new ChapterOne.Settings(sizes, epochs, batchSize, learningRate, seed);
  }
}
