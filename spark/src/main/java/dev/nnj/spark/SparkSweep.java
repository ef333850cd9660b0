package dev.nnj.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnj.core.kernels.KernelThreads;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Experiment;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.LocalSweep;
import dev.nnj.experiments.Plugins;
import dev.nnj.experiments.Registry;
import dev.nnj.experiments.Sweep;
import dev.nnj.experiments.SweepRow;
import dev.nnj.experiments.SweepTable;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a {@link Sweep} on Apache Spark: each run is one task, which carries its experiment and
 * values as JSON; the executor that takes it loads the dataset through the usual fetch-and-check
 * path (into its own cache, or from a directory all executors share), trains the run on one
 * thread, and sends back its row. The driver gathers the rows into the same {@link SweepTable} a
 * {@link LocalSweep} makes: a run's figures do not depend on where it ran. A task whose executor
 * is lost is run again elsewhere by Spark, from the start.
 *
 * <pre>{@code
 * SweepTable table = new SparkSweep(registry).run(sweep, "spark://host:7077", null);
 * }</pre>
 *
 * <p>The driver's JVM needs the flags in {@code spark/jvm.flags} on Java 17 ({@code ./nnj} sets
 * them); Spark gives its executors the same. Executors use nnj's built-in parts.
 */
public final class SparkSweep {

  /** What travels with each task. */
  record Task(int index, String values, String spec, String dataDirectory) implements Serializable {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Registry registry;

  public SparkSweep(Registry registry) {
    this.registry = registry;
  }

  /**
   * Runs {@code sweep} on a new Spark application at {@code master} ({@code local[2]},
   * {@code spark://host:7077}), shipping nnj's jars to a cluster's executors.
   *
   * @param dataDirectory where every executor finds (or fetches) the data; null: each executor's
   *     default cache
   * @throws IllegalArgumentException if a standalone master does not answer
   */
  public SweepTable run(Sweep sweep, String master, Path dataDirectory) {
    List<Sweep.Run> runs = sweep.runs(registry); // a bad sweep is refused before Spark starts
    checkAnswers(master);
    SparkConf conf = new SparkConf().setMaster(master).setAppName("nnj sweep")
        .set("spark.ui.enabled", "false")
        // A run is one task and one core: as many at once as the executors have cores.
        .set("spark.task.cpus", "1");
    if (!master.startsWith("local")) {
      conf.set("spark.jars", String.join(",", ApplicationJars.forExecutors()));
    }
    try (JavaSparkContext context = new JavaSparkContext(conf)) {
      return run(sweep, runs, context, dataDirectory);
    }
  }

  /** Runs {@code sweep} on an application the caller made and stops. */
  public SweepTable run(Sweep sweep, JavaSparkContext context, Path dataDirectory) {
    return run(sweep, sweep.runs(registry), context, dataDirectory);
  }

  private SweepTable run(Sweep sweep, List<Sweep.Run> runs, JavaSparkContext context,
      Path dataDirectory) {
    List<Task> tasks = new ArrayList<>();
    for (Sweep.Run run : runs) {
      tasks.add(new Task(run.index(), write(run.values()), run.spec().toJson(registry),
          dataDirectory == null ? null : dataDirectory.toAbsolutePath().toString()));
    }
    List<String> rows = context.parallelize(tasks, Math.max(1, tasks.size()))
        .map(SparkSweep::train).collect();
    List<SweepRow> parsed = new ArrayList<>();
    for (String row : rows) {
      try {
        parsed.add(JSON.readValue(row, SweepRow.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a run's row came back unreadable: " + e.getMessage(), e);
      }
    }
    return new SweepTable(List.copyOf(sweep.vary().keySet()), parsed);
  }

  /** On an executor: trains the task's run and returns its row as JSON. */
  static String train(Task task) throws IOException {
    Registry registry = Executor.registry();
    JsonNode tree = JSON.readTree(task.spec());
    ExperimentSpec spec = ExperimentSpec.fromJson(tree, "run " + task.index(), registry);
    Map<String, JsonNode> values = JSON.readValue(task.values(),
        new TypeReference<LinkedHashMap<String, JsonNode>>() {});
    Splits data = Executor.data(registry, spec, String.valueOf(tree.get("dataset")),
        task.dataDirectory());
    Sweep.Run run = new Sweep.Run(task.index(), values, spec);
    SweepRow row = KernelThreads.onOneThread(
        () -> LocalSweep.train(new Experiment(registry), run, data));
    return JSON.writeValueAsString(row);
  }

  /**
   * For {@code spark://host:port[,host:port…]}, one line at once when no master answers, rather
   * than the minute Spark spends retrying before it gives up.
   */
  static void checkAnswers(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    List<String> refusals = new ArrayList<>();
    for (String address : master.substring("spark://".length()).split(",")) {
      int colon = address.lastIndexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException("spark master " + master + ": \"" + address
            + "\" is not host:port");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address.substring(0, colon),
            Integer.parseInt(address.substring(colon + 1))), 5_000);
        return;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("spark master " + master + ": \"" + address
            + "\" is not host:port", e);
      } catch (IOException e) {
        refusals.add(address + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
            : e.getMessage()) + ")");
      }
    }
    throw new IllegalArgumentException("spark master " + master + " does not answer: "
        + String.join(", ", refusals) + "; is it running?");
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What an executor's JVM keeps between tasks: the parts, and each dataset loaded once. */
  private static final class Executor {
    private static volatile Registry registry;
    private static final Map<String, Splits> DATA = new ConcurrentHashMap<>();

    static Registry registry() {
      if (registry == null) {
        synchronized (Executor.class) {
          if (registry == null) {
            registry = Plugins.injector(List.of()).getInstance(Registry.class);
          }
        }
      }
      return registry;
    }

    /** The spec's dataset, {@code named} so in its JSON, loaded from {@code directory}. */
    static Splits data(Registry registry, ExperimentSpec spec, String named, String directory) {
      String name = spec.dataset().name();
      Path where = directory != null ? Path.of(directory) : DataLocation.defaultDirectory(name);
      return DATA.computeIfAbsent(named + "\n" + where,
          key -> registry.dataset(spec.dataset()).load(DataLocation.of(where)));
    }
  }
}
