package dev.nnj.examples;

import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Dataset;
import dev.nnj.datasets.DatasetFiles;
import dev.nnj.datasets.FetchListener;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nnj datasets}: the data nnj reads. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Manages the datasets nnj reads.",
    subcommands = {DatasetsCommand.ListDatasets.class, DatasetsCommand.Fetch.class,
        DatasetsCommand.Verify.class})
final class DatasetsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static Registry registry(PluginOptions plugins) {
    return plugins.injector().getInstance(Registry.class);
  }

  /** The dataset bound as {@code name}; an unknown name is a usage error listing the known ones. */
  private static Dataset dataset(Registry registry, String name, CommandSpec spec) {
    try {
      return registry.dataset(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The optional NAME argument of fetch and verify, with the data directory option. */
  static final class NamedDataset {

    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Mixin DataOptions data;

    @Mixin PluginOptions plugins;

    @Parameters(arity = "0..1", paramLabel = "NAME", defaultValue = "mnist",
        description = "The dataset (default: ${DEFAULT-VALUE}); 'nnj datasets list' shows them all.")
    String name;

    /** The named dataset; an unknown name is a usage error listing the known ones. */
    Dataset dataset() {
      return DatasetsCommand.dataset(registry(plugins), name, spec);
    }

    /** Where the named dataset is read from. */
    DataLocation location(FetchListener listener) {
      return data.location(name, listener);
    }
  }

  /** Where the files are, else where they would be fetched into. */
  private static Path directory(Dataset dataset, DataLocation location) {
    return dataset.files(location).map(DatasetFiles::directory).orElse(location.directory());
  }

  /** {@code nnj datasets list}: every bound dataset and whether its files are in place. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the datasets: name, description, where the files are or would be "
          + "fetched into, and whether they are all present (checked by presence, not read).")
  static final class ListDatasets implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DataOptions data;

    @Mixin PluginOptions plugins;

    @Override
    public Integer call() {
      Registry registry = registry(plugins);
      PrintWriter out = spec.commandLine().getOut();
      for (String name : registry.datasetNames()) {
        Dataset dataset = registry.dataset(name);
        DataLocation location = data.location(name, FetchListener.NONE);
        Optional<DatasetFiles> files = dataset.files(location);
        out.printf("%s: %s%n", name, dataset.description());
        out.printf("  %s (%s)%n", directory(dataset, location), files.map(f -> f.complete()
            ? "complete" : "missing " + String.join(", ", f.missing())).orElse("unknown"));
      }
      out.flush();
      return 0;
    }
  }

  /** {@code nnj datasets fetch}: puts a dataset in place and checks it, as CI does before its tests. */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = "Fetches a dataset if it is not yet in place, checks every file's SHA-256 and "
          + "structure, and prints where it is.")
  static final class Fetch implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin NamedDataset named;

    @Override
    public Integer call() {
      Dataset dataset = named.dataset();
      try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
        DataLocation location = named.location(progress);
        Splits splits = dataset.load(location);
        spec.commandLine().getOut().printf("%s in %s: %d training, %d validation, %d test images%n",
            named.name, directory(dataset, location), splits.training().size(),
            splits.validation().size(), splits.test().size());
      }
      return 0;
    }
  }

  /** {@code nnj datasets verify}: reads every file and checks it, fetching nothing. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Reads every file of a dataset where it is in place and checks its SHA-256 and "
          + "structure; fetches nothing. Prints 'ok' per file, or the first problem (exit code 1).")
  static final class Verify implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin NamedDataset named;

    @Override
    public Integer call() {
      Dataset dataset = named.dataset();
      PrintWriter out = spec.commandLine().getOut();
      for (Path file : dataset.verify(named.location(FetchListener.NONE))) {
        out.printf("%s: ok%n", file);
      }
      out.flush();
      return 0;
    }
  }
}
