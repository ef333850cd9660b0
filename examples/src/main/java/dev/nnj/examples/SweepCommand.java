package dev.nnj.examples;

import dev.nnj.core.AtomicFile;
import dev.nnj.experiments.LocalSweep;
import dev.nnj.experiments.Registry;
import dev.nnj.experiments.Sweep;
import dev.nnj.experiments.SweepRow;
import dev.nnj.experiments.SweepTable;
import dev.nnj.spark.SparkSweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnj sweep SWEEP.json}: runs every run of a sweep and writes its table. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a sweep: an experiment and the fields that vary over it, e.g.",
        "",
        "  {\"experiment\": \"ch3-cross-entropy-l2.json\",",
        "   \"vary\": {\"optimizer.learningRate\": [0.1, 0.5, 3.0], \"seed\": [1, 2, 3]}}",
        "",
        "every combination (or \"sample\": {\"runs\": N, \"seed\": S} of them), several runs at "
            + "once. Prints a line as each run finishes and writes the table (one row per run: "
            + "its values, best epoch, best evaluation and test figures, time) to DIR as "
            + "results.csv, results.json and results.png. Started again on the same DIR it "
            + "finishes only the runs that are missing, resuming a run cut short from its "
            + "newest checkpoint."})
final class SweepCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep (JSON).")
  Path sweepFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the runs and the table go (default: SWEEP's name without .json, "
          + "beside it, with -runs: ch3.json → ch3-runs).")
  Path out;

  @Option(names = "--at-once", paramLabel = "N",
      description = "Runs trained at the same time, each on one thread (default: the number of "
          + "cores, ${DEFAULT-VALUE}).")
  int atOnce = Runtime.getRuntime().availableProcessors();

  @Option(names = "--spark", paramLabel = "MASTER",
      description = "Runs the sweep on Apache Spark instead, one task per run: local[N] (N cores "
          + "of this machine) or spark://HOST:PORT (a standalone cluster, to which nnj's jars are "
          + "shipped). The executors read the data from --data if given (a directory they all "
          + "see), else fetch it into their own caches.")
  String master;

  @Mixin DataOptions data;

  @Mixin PluginOptions plugins;

  @Override
  public Integer call() {
    if (atOnce < 1) {
      throw new ParameterException(spec.commandLine(), "--at-once must be a positive integer: "
          + atOnce);
    }
    if (!Files.isRegularFile(sweepFile)) {
      throw new ParameterException(spec.commandLine(), "SWEEP " + sweepFile + ": no such file");
    }
    Registry registry = plugins.injector().getInstance(Registry.class);
    Sweep sweep = Sweep.read(sweepFile);
    Path directory = out != null ? out : defaultDirectory(sweepFile);
    PrintWriter printed = spec.commandLine().getOut();
    SweepTable table;
    if (master != null) {
      printed.println("Running " + sweep.runs(registry).size() + " runs on Spark " + master + "...");
      printed.flush();
      table = new SparkSweep(registry).run(sweep, master, data.directory);
      for (SweepRow row : table.rows()) {
        printed.println(String.format(Locale.ROOT, "run-%03d [%s]: %s", row.index(), row.describe(),
            figures(row)));
      }
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
      }
      table.write(directory.resolve("results.csv"), directory.resolve("results.json"));
    } else {
      table = local(registry, sweep, directory, printed);
    }
    table.best().ifPresent(best -> printed.println(String.format(Locale.ROOT,
        "Best: run-%03d [%s]: %s", best.index(), best.describe(), figures(best))));
    Path png = directory.resolve("results.png");
    plot(table, png);
    printed.println("Table: " + directory.resolve("results.csv") + ", results.json, results.png");
    return 0;
  }

  /** The sweep on this machine, a line printed as each run finishes. */
  private SweepTable local(Registry registry, Sweep sweep, Path directory, PrintWriter printed) {
    long start = System.nanoTime();
    int[] doneBefore = {0};
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(spec.commandLine().getErr())) {
      return new LocalSweep(registry).run(sweep, directory,
          name -> data.location(name, progress), atOnce,
          (run, row, earlier, done, total) -> {
            if (earlier) {
              doneBefore[0]++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int doneNow = done - doneBefore[0];
            String left = earlier || doneNow == 0 ? ""
                : String.format(Locale.ROOT, ", about %s left",
                    clock(seconds / doneNow * (total - done)));
            printed.println(String.format(Locale.ROOT, "%s [%s]: %s%s — %d / %d done%s",
                run.id(), run.describe(), figures(row), earlier ? " (done before)" : "",
                done, total, left));
            printed.flush();
          });
    }
  }

  /** {@code ch3.json} → {@code ch3-runs} beside it. */
  static Path defaultDirectory(Path sweepFile) {
    String name = sweepFile.getFileName().toString().replaceFirst("\\.json$", "");
    Path parent = sweepFile.toAbsolutePath().getParent();
    return parent.resolve(name + "-runs");
  }

  private static String figures(SweepRow row) {
    return String.format(Locale.ROOT, "best %d / %d (epoch %d), test %d / %d, %.1f s",
        row.bestCorrect(), row.evaluated(), row.bestEpoch(), row.testCorrect(), row.testTotal(),
        row.trainingSeconds());
  }

  private static String clock(double seconds) {
    long whole = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
  }

  /** A bar per run: its best evaluation accuracy, labelled by its values. */
  private static void plot(SweepTable table, Path file) {
    List<String> labels = new ArrayList<>();
    List<Double> accuracy = new ArrayList<>();
    for (SweepRow row : table.rows()) {
      List<String> values = new ArrayList<>();
      row.values().values().forEach(value -> values.add(value.isTextual() ? value.asText()
          : value.toString()));
      labels.add(row.index() + ": " + String.join(" / ", values));
      accuracy.add(100 * row.bestAccuracy());
    }
    CategoryChart chart = new CategoryChartBuilder().width(Math.max(640, 48 * labels.size()))
        .height(520).title("Best evaluation accuracy per run")
        .xAxisTitle("run: " + String.join(" / ", table.paths())).yAxisTitle("accuracy (%)")
        .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(90);
    double low = accuracy.stream().filter(a -> !a.isNaN()).mapToDouble(Double::doubleValue).min()
        .orElse(0);
    chart.getStyler().setYAxisMin(Math.max(0, Math.floor(low - 1)));
    chart.addSeries("best evaluation accuracy", labels, accuracy);
    try {
      AtomicFile.write(file, stream -> BitmapEncoder.saveBitmap(chart, stream, BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
