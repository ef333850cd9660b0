package dev.nnj.examples;

import com.google.inject.Injector;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnj.core.Precision;
import dev.nnj.core.Checkpoint;
import dev.nnj.core.EpochResult;
import dev.nnj.core.Measurement;
import dev.nnj.core.NanAsNull;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.TrainingListener;
import dev.nnj.core.TrainingStoppedException;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.CheckpointDirectory;
import dev.nnj.experiments.Experiment;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nnj train [SPEC.json]}: trains a network and prints one line per epoch. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
        "Trains a network on MNIST and prints, after each epoch, how many of the evaluation "
            + "images it classifies correctly and the epoch's training time:",
        "",
        "  Epoch 0: 9129 / 10000 (0.09 s)",
        "",
        "Without SPEC it runs Nielsen's chapter-1 network (sigmoid neurons, quadratic cost, "
            + "mini-batch SGD) evaluated on the 10,000 test images. SPEC is an experiment file "
            + "(see examples/experiments/); the options below override its fields. MNIST is "
            + "fetched on first use."})
final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC",
      description = "An experiment spec (JSON); default: chapter 1's run.")
  Path specFile;

  @Option(names = "--sizes", paramLabel = "N,N[,N...]", split = ",", hideParamSyntax = true,
      description = "Layer sizes, input first (chapter 1: 784,30,10).")
  List<Integer> sizes;

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (chapter 1: 30).")
  Integer epochs;

  @Option(names = "--batch", paramLabel = "M", description = "Mini-batch size (chapter 1: 10).")
  Integer batchSize;

  @Option(names = "--eta", paramLabel = "η", description = "Learning rate (chapter 1: 3.0).")
  Double learningRate;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seeds the initial weights, the shuffles and dropout: the same seed, the same "
          + "result (default: 1).")
  Long seed;

  @Option(names = "--precision", paramLabel = "double|float",
      description = "How the network keeps its parameters: double (the book's; default) or float "
          + "(half the memory traffic; a different run, deterministic too).")
  String precision;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "The dataset's registry name: mnist (default), fashion-mnist, or csv "
          + "(your own train.csv and test.csv in --data DIR).")
  String dataset;

  @Option(names = "--quiet", description = "Prints no line per epoch, only the summary at the end.")
  boolean quiet;

  @Option(names = "--json", description = "Prints each epoch as one line of JSON, for scripts.")
  boolean json;

  @Option(names = "--history", paramLabel = "FILE",
      description = "Writes every epoch's figures to FILE: CSV if it ends in .csv, else JSON.")
  Path historyFile;

  @Option(names = "--save", paramLabel = "FILE",
      description = "Saves the trained network (with its cost and experiment) as JSON to FILE; "
          + "'nnj eval FILE' reads it.")
  Path saveFile;

  @Option(names = "--checkpoint", paramLabel = "DIR",
      description = "After every epoch, saves the network and the training state in DIR "
          + "(epoch-NNNN.json, the last 3 kept, and best.json), each file written whole or not "
          + "at all; Ctrl-C stops after the current mini-batch and saves that moment too. One run "
          + "at a time: DIR is locked while it runs.")
  Path checkpointDirectory;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "Continues the run whose checkpoints are in DIR from its newest epoch, to the "
          + "same result an uninterrupted run gives; --epochs may extend it, and any other option "
          + "that would change the run is refused. Keeps checkpointing into DIR.")
  Path resumeDirectory;

  @Mixin DataOptions data;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    validateOptions();
    Injector injector = plugins.injector();
    Registry registry = injector.getInstance(Registry.class);
    Path checkpoints = checkpoints();
    // Locked first, so that a second run on the directory is refused before it reads anything;
    // a directory that does not exist yet is created only once the data is good.
    CheckpointDirectory directory = checkpoints != null && Files.isDirectory(checkpoints)
        ? CheckpointDirectory.open(checkpoints, registry.jsonMapper()) : null;
    try {
      return train(injector, registry, directory);
    } finally {
      if (directory != null) {
        directory.close();
      }
    }
  }

  private int train(Injector injector, Registry registry, CheckpointDirectory directory) {
    CheckpointDirectory.Saved resumeFrom = resumeDirectory == null ? null : directory.latest();
    ExperimentSpec experiment = resumeFrom != null ? resumed(resumeFrom) : experiment(registry);
    registry.dataset(experiment.dataset()); // an unknown name fails here, before any work
    Checkpoint.Sink sink = directory == null ? null
        : resumeFrom != null ? directory.continueRun(experiment) : directory.startRun(experiment);

    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper lineMapper = registry.jsonMapper().copy()
        .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .registerModule(new NanAsNull()); // figures not monitored: null, not "NaN"
    Experiment.Result result;
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr());
        EpochPrinter printer = new EpochPrinter(out, mode(), lineMapper)) {
      Splits splits = registry.dataset(experiment.dataset())
          .load(data.location(experiment.dataset().name(), progress));
      Experiment.check(experiment, splits); // a layer that cannot take the data, a run too big
      if (directory == null && checkpointDirectory == null) {
        result = injector.getInstance(Experiment.class).run(experiment, splits, printer, null, null);
      } else {
        // Created only now that the data is good: a bad input writes nothing, not even a directory.
        try (CheckpointDirectory created = directory == null
            ? CheckpointDirectory.open(checkpointDirectory, registry.jsonMapper()) : null) {
          Checkpoint.Sink into = created != null ? created.startRun(experiment) : sink;
          result = trainCheckpointed(injector.getInstance(Experiment.class), experiment, splits,
              printer, resumeFrom, into);
        }
      }
      if (result == null) {
        return 130; // the shell's code for a run ended by Ctrl-C
      }
    }
    if (resumeFrom != null && resumeFrom.checkpoint().batchesDone() == 0
        && result.history().epochs().size() == resumeFrom.checkpoint().epochsDone()) {
      int done = resumeFrom.checkpoint().epochsDone();
      spec.commandLine().getErr().println("nnj: the run in " + resumeDirectory + " was already "
          + "finished (" + (done >= experiment.epochs() ? "all " + done + " epochs done"
              : "stopped early after " + done + " epochs") + "): nothing more to train"
          + (done >= experiment.epochs() ? "; --epochs N, more than " + done + ", extends it" : ""));
    }
    Measurement test = result.test();
    if (experiment.evaluateOn().equals("validation")) {
      result.history().best().ifPresent(best -> out.println(String.format(Locale.ROOT,
          "Best validation epoch %d: %d / %d; its test accuracy: %d / %d (%.2f %%)",
          best.epoch(), best.correct(), best.evaluated(), test.correct(), test.total(),
          100 * test.accuracy())));
    } else if (quiet) {
      result.history().best().ifPresent(best -> out.println(String.format(Locale.ROOT,
          "Best epoch %d: %d / %d", best.epoch(), best.correct(), best.evaluated())));
    }
    warnIfAtChance(result, test);
    if (saveFile != null) {
      ObjectMapper mapper = registry.jsonMapper();
      NetworkFile.write(saveFile, result.network(), experiment.cost(),
          mapper.valueToTree(experiment), mapper);
    }
    if (historyFile != null) {
      if (historyFile.toString().endsWith(".csv")) {
        result.history().writeCsv(historyFile);
      } else {
        result.history().writeJson(historyFile);
      }
    }
    return 0;
  }

  /** Where checkpoints go, if anywhere. */
  private Path checkpoints() {
    return resumeDirectory != null ? resumeDirectory : checkpointDirectory;
  }

  /** The experiment of a new run: SPEC or chapter 1's, with the options applied. */
  private ExperimentSpec experiment(Registry registry) {
    ExperimentSpec experiment = specFile == null ? ExperimentSpec.chapterOne()
        : ExperimentSpec.read(specFile, registry);
    if (sizes != null) {
      experiment = experiment.withSizes(sizes);
    }
    experiment = experiment.with(epochs, batchSize, learningRate, seed);
    if (precision != null) {
      experiment = experiment.withPrecision(precision());
    }
    return dataset == null ? experiment : experiment.withDataset(dataset);
  }

  /** --precision as a value; refuses another word, naming it. */
  private Precision precision() {
    try {
      return Precision.named(precision);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--precision: " + e.getMessage());
    }
  }

  /**
   * The resumed run's experiment, as it was saved, extended to --epochs if given. Any other option
   * that would change the run is refused, naming both values: a checkpoint resumed with another
   * learning rate, batch or seed would record an experiment its first epochs never ran.
   */
  private ExperimentSpec resumed(CheckpointDirectory.Saved saved) {
    ExperimentSpec run = saved.experiment();
    List<String> changes = new ArrayList<>();
    refuseChange(changes, "--batch", batchSize, run.batchSize());
    refuseChange(changes, "--eta", learningRate, run.optimizer().learningRate());
    refuseChange(changes, "--seed", seed, run.seed());
    refuseChange(changes, "--dataset", dataset, run.dataset().name());
    refuseChange(changes, "--precision", precision == null ? null : precision(), run.precision());
    int begun = saved.checkpoint().epochsDone() + (saved.checkpoint().batchesDone() > 0 ? 1 : 0);
    if (epochs != null && epochs < begun) {
      changes.add("--epochs " + epochs + " is fewer than the " + begun + " epochs the run has "
          + "already begun");
    }
    if (!changes.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", changes)
          + ": --resume continues a run as it was; only --epochs may change, to extend it");
    }
    return run.with(epochs, null, null, null);
  }

  private static void refuseChange(List<String> changes, String option, Object given, Object saved) {
    if (given != null && !given.equals(saved)) {
      changes.add(option + " " + given + " differs from the resumed run's " + saved);
    }
  }

  /**
   * Trains with checkpoints into {@code sink}; Ctrl-C stops after the current mini-batch, saves
   * that moment and returns null, once it has said how to continue.
   */
  private Experiment.Result trainCheckpointed(Experiment run, ExperimentSpec experiment,
      Splits splits, EpochPrinter printer, CheckpointDirectory.Saved resumeFrom,
      Checkpoint.Sink sink) {
    try (GracefulStop stop = new GracefulStop()) {
      try {
        return run.run(experiment, splits, stop.around(printer), resumeFrom, sink);
      } catch (TrainingStoppedException e) {
        printer.close();
        spec.commandLine().getErr().println("nnj: interrupted: " + e.getMessage()
            + "; checkpoint in " + checkpoints() + "; continue with: nnj train --resume "
            + checkpoints());
        spec.commandLine().getErr().flush();
        stop.reported();
        return null;
      }
    }
  }

  private EpochPrinter.Mode mode() {
    if (json) {
      return EpochPrinter.Mode.JSON;
    }
    if (quiet) {
      return EpochPrinter.Mode.QUIET;
    }
    return System.console() != null ? EpochPrinter.Mode.TERMINAL : EpochPrinter.Mode.PLAIN;
  }

  /**
   * Chapter 1's η = 100 run: the neurons saturate and the accuracy stays where guessing would put
   * it. Training ran correctly, so this is a warning on standard error, not an error.
   */
  private void warnIfAtChance(Experiment.Result result, Measurement test) {
    double chance = 1.0 / result.network().spec().outputSize();
    double best = result.history().best().map(EpochResult::evaluationAccuracy).orElse(test.accuracy());
    if (best < 2 * chance) {
      spec.commandLine().getErr().println(String.format(Locale.ROOT,
          "nnj: warning: the accuracy stayed near chance (best %.1f %%, chance %.1f %%): the "
              + "learning rate is probably far too high (saturated neurons) or far too low",
          100 * best, 100 * chance));
    }
  }

  /** Checks the options up front so that a bad one is named before any data is read. */
  private void validateOptions() {
    List<String> problems = new ArrayList<>();
    if (sizes != null && sizes.size() < 2) {
      problems.add("--sizes needs at least two layers: " + sizes);
    }
    if (sizes != null && sizes.stream().anyMatch(size -> size < 1)) {
      problems.add("--sizes must all be positive: " + sizes);
    }
    if (epochs != null && epochs < 1) {
      problems.add("--epochs must be a positive integer: " + epochs);
    }
    if (batchSize != null && batchSize < 1) {
      problems.add("--batch must be a positive integer: " + batchSize);
    }
    if (learningRate != null && (!(learningRate > 0) || Double.isInfinite(learningRate))) {
      problems.add("--eta must be a positive number: " + learningRate);
    }
    Outputs outputs = new Outputs();
    outputs.input("experiment SPEC", specFile);
    outputs.file("--save", saveFile);
    outputs.file("--history", historyFile);
    outputs.checkpoints("--checkpoint", checkpointDirectory, false);
    outputs.checkpoints("--resume", resumeDirectory, true);
    problems.addAll(outputs.problems());
    if (resumeDirectory != null && (specFile != null || checkpointDirectory != null || sizes != null)) {
      problems.add("--resume continues the saved experiment: give no SPEC, --sizes or --checkpoint");
    }
    if (quiet && json) {
      problems.add("--quiet and --json exclude each other");
    }
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", problems));
    }
  }
}
