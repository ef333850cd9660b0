package dev.nnj.examples;

import com.google.inject.Guice;
import dev.nnj.datasets.Splits;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nnj datasets}: the data nnj reads. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "Manages the datasets nnj reads.",
    subcommands = {DatasetsCommand.Fetch.class})
final class DatasetsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code nnj datasets fetch}: puts MNIST in place and checks it, as CI does before its tests. */
  @Command(
      name = "fetch",
      mixinStandardHelpOptions = true,
      description = "Fetches MNIST if it is not yet in place, checks every file's SHA-256, and "
          + "prints where it is.")
  static final class Fetch implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DataOptions data;

    @Override
    public Integer call() {
      Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);
      try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
        var location = data.location("mnist", progress);
        Splits mnist = registry.dataset("mnist").load(location);
        spec.commandLine().getOut().printf("MNIST in %s: %d training, %d validation, %d test images%n",
            location.directory(), mnist.training().size(), mnist.validation().size(), mnist.test().size());
      }
      return 0;
    }
  }
}
