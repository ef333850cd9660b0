package dev.nnj.examples;

import dev.nnj.core.EpochResult;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.Precision;
import dev.nnj.core.Trainer;
import dev.nnj.core.TrainingConfig;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnj bench}: how fast the chapter-1 network trains on this machine. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
        "Trains the chapter-1 network (sigmoid, quadratic cost, SGD) on MNIST for a few epochs "
            + "without evaluation and prints, per configuration, the median over the epochs "
            + "after the first (JIT warm-up) of: milliseconds per epoch, training examples per "
            + "second, achieved GFLOP/s, and the peak heap of the whole run.",
        "",
        "GFLOP counts the dense work 4·Σ n_(l−1)·n_l per example (forward and weight gradient, "
            + "as the issue's 4.7 GFLOP per epoch for [784,30,10]); skipped zero pixels still "
            + "count, so sparse kernels can exceed the machine's dense rate.",
        "",
        "Without --sizes it runs [784,30,10] m=10, [784,100,10] m=10 and [784,100,10] m=100."})
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--sizes", paramLabel = "N,N[,N...]", split = ",", hideParamSyntax = true,
      description = "Layer sizes, input first (default: the three configurations above).")
  List<Integer> sizes;

  @Option(names = "--batch", paramLabel = "M",
      description = "Mini-batch size, with --sizes (default: 10).", defaultValue = "10")
  int batchSize;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "4",
      description = "Epochs per configuration, the first of which is warm-up (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--eta", paramLabel = "η", defaultValue = "3.0",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--precision", paramLabel = "double|float", defaultValue = "double",
      description = "How the networks keep their parameters (default: ${DEFAULT-VALUE}).")
  String precision;

  @Mixin DataOptions data;

  private record Configuration(List<Integer> sizes, int batchSize) {}

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    if (epochs < 2) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--epochs must be at least 2 (the first is warm-up): " + epochs);
    }
    Precision storage;
    try {
      storage = Precision.named(precision);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--precision: " + e.getMessage());
    }
    Registry registry = plugins.injector().getInstance(Registry.class);
    Splits mnist;
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
      mnist = registry.dataset("mnist").load(data.location("mnist", progress));
    }
    List<Configuration> configurations = sizes == null
        ? List.of(new Configuration(List.of(784, 30, 10), 10),
            new Configuration(List.of(784, 100, 10), 10),
            new Configuration(List.of(784, 100, 10), 100))
        : List.of(new Configuration(sizes, batchSize));

    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-14s %5s %12s %14s %9s %14s%n",
        "sizes", "m", "ms/epoch", "examples/s", "GFLOP/s", "peak heap MB");
    for (Configuration configuration : configurations) {
      NetworkSpec shape = NetworkSpec.of(configuration.sizes(), registry.activation("sigmoid"))
          .withPrecision(storage);
      Network network = Network.initialised(shape, seed);
      Trainer trainer = new Trainer(registry.cost("quadratic"),
          registry.optimizer("sgd").withLearningRate(learningRate));
      List<EpochResult> results = trainer.train(network, mnist.training(), null,
          new TrainingConfig(epochs, configuration.batchSize(), seed), TrainingListener.NONE)
          .epochs();
      double seconds = median(results.subList(1, results.size()));
      int n = mnist.training().size();
      out.printf(Locale.ROOT, "%-14s %5d %12.1f %14.0f %9.2f %14.0f%n",
          configuration.sizes().toString().replace(" ", ""), configuration.batchSize(),
          1000 * seconds, n / seconds, flopsPerExample(configuration.sizes()) * n / seconds / 1e9,
          peakHeapBytes() / 1e6);
      out.flush();
    }
    return 0;
  }

  /** {@code 4 Σ n_(l−1) n_l}: a multiply and an add per weight, forward and for its gradient. */
  static double flopsPerExample(List<Integer> sizes) {
    double weights = 0;
    for (int l = 1; l < sizes.size(); l++) {
      weights += (double) sizes.get(l - 1) * sizes.get(l);
    }
    return 4 * weights;
  }

  private static double median(List<EpochResult> results) {
    double[] seconds = results.stream().mapToDouble(EpochResult::trainingSeconds).sorted().toArray();
    int middle = seconds.length / 2;
    return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
