package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnj.core.EpochResult;
import dev.nnj.core.History;
import dev.nnj.datasets.DataLocation;
import dev.nnj.experiments.Plugins;
import dev.nnj.experiments.Registry;
import dev.nnj.experiments.Sweep;
import dev.nnj.experiments.SweepRow;
import dev.nnj.experiments.SweepTable;
import dev.nnj.spark.SparkSweep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 15's sweep of 12 runs (3 η × 2 λ × 2 seeds, [784, 30, 10], 2 epochs, on the real MNIST)
 * gives, row for row, the figures of the same 12 runs made one at a time with {@code nnj train}:
 * run locally, on Spark {@code local[2]}, and on a standalone Spark cluster on this machine (a
 * master and two workers, separate JVMs from the pinned Spark jars, without nnj's), also when one
 * of the workers is killed mid-sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SweepIT {

  private static final double[] ETAS = {0.1, 0.5, 3.0};
  private static final double[] LAMBDAS = {1.0, 5.0};
  private static final long[] SEEDS = {1, 2};
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MNIST = DataLocation.defaultDirectory("mnist");

  @TempDir static Path directory;

  private static Path sweepFile;
  /** The figures of each run made alone with {@code nnj train}, in grid order. */
  private static List<int[]> alone;
  private static final List<Process> cluster = new ArrayList<>();
  private static String master;

  @BeforeAll
  static void runsOneAtATime() throws IOException {
    String experiment = """
        {"sizes": [784, 30, 10], "cost": "cross-entropy", "initialization": "normal-over-fan-in",
         "regularization": {"type": "l2", "lambda": %s}, "optimizer": {"type": "sgd"},
         "evaluateOn": "validation", "epochs": 2, "batchSize": 10}""";
    sweepFile = Files.writeString(directory.resolve("twelve.json"), """
        {"experiment": %s,
         "vary": {"optimizer.learningRate": [0.1, 0.5, 3.0], "regularization.lambda": [1.0, 5.0],
                  "seed": [1, 2]}}""".formatted(experiment.formatted("1.0")));
    alone = new ArrayList<>();
    for (double eta : ETAS) {
      for (double lambda : LAMBDAS) {
        Path spec = Files.writeString(directory.resolve("lambda-" + lambda + ".json"),
            experiment.formatted(lambda));
        for (long seed : SEEDS) {
          Path history = directory.resolve("history-" + eta + "-" + lambda + "-" + seed + ".json");
          String out = run("train", spec.toString(), "--eta", String.valueOf(eta), "--seed",
              String.valueOf(seed), "--quiet", "--history", history.toString(), "--data",
              MNIST.toString());
          Matcher summary = Pattern.compile("Best validation epoch (\\d+): (\\d+) / (\\d+); its test "
              + "accuracy: (\\d+) / (\\d+)").matcher(out);
          assertThat(summary.find()).as(out).isTrue();
          List<EpochResult> epochs = History.readJson(history).epochs();
          alone.add(new int[] {epochs.size(), Integer.parseInt(summary.group(1)),
              Integer.parseInt(summary.group(2)), Integer.parseInt(summary.group(3)),
              Integer.parseInt(summary.group(4)), Integer.parseInt(summary.group(5))});
        }
      }
    }
  }

  @Test
  @Order(1)
  void locally_twoAtOnce() throws IOException {
    Path out = sweep("local", "--at-once", "2");
    assertThat(out.resolve("results.csv")).exists();
    assertThat(out.resolve("results.png")).exists();
  }

  @Test
  @Order(2)
  void onSparkLocal() throws IOException {
    sweep("spark-local", "--spark", "local[2]");
  }

  @Test
  @Order(3)
  void onAStandaloneCluster() throws Exception {
    startCluster();
    sweep("cluster", "--spark", master);
  }

  /** {@code nnj sweep} of the twelve runs into {@code name} with {@code options}, checked. */
  private static Path sweep(String name, String... options) throws IOException {
    Path out = directory.resolve(name);
    List<String> args = new ArrayList<>(List.of("sweep", sweepFile.toString(), "--out",
        out.toString(), "--data", MNIST.toString()));
    args.addAll(List.of(options));
    run(args.toArray(String[]::new));
    assertRowsAreTheRunsAlone(JSON.readTree(out.resolve("results.json").toFile()));
    return out;
  }

  /** A worker killed while its executor trains: Spark runs its tasks again on the other. */
  @Test
  @Order(4)
  void onAStandaloneCluster_withAWorkerKilledMidSweep() throws Exception {
    startCluster();
    Registry registry = Plugins.injector(List.of()).getInstance(Registry.class);
    Sweep sweep = Sweep.read(sweepFile);
    Path workDirectory = directory.resolve("work-2");
    List<Path> before = appDirectories(workDirectory);
    CompletableFuture<SweepTable> table = CompletableFuture.supplyAsync(
        () -> new SparkSweep(registry).run(sweep, master, MNIST));
    // Once worker 2 has launched an executor for this sweep, and that executor has had time to
    // register and take tasks (it loads MNIST before the first run ends), kill the worker and
    // the executor it started.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (appDirectories(workDirectory).size() == before.size() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(appDirectories(workDirectory)).as("worker 2 launched an executor").hasSizeGreaterThan(
        before.size());
    Thread.sleep(2_500);
    assertThat(table).as("the sweep is still running when the worker is killed").isNotDone();
    Process worker = cluster.get(2);
    worker.descendants().forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly();
    SweepTable result = table.get();
    assertRowsAreTheRunsAlone(JSON.valueToTree(result.json()));
    // The master saw the executor go while the application ran, and told the driver.
    assertThat(Files.readString(directory.resolve("master.log")))
        .contains("Telling app of lost executor");
  }

  private static void assertRowsAreTheRunsAlone(JsonNode table) {
    JsonNode rows = table.get("rows");
    assertThat(rows).hasSize(12);
    for (int i = 0; i < 12; i++) {
      JsonNode row = rows.get(i);
      int[] expected = alone.get(i);
      assertThat(row.get("run").asInt()).isEqualTo(i);
      assertThat(new int[] {row.get("epochs").asInt(), row.get("bestEpoch").asInt(),
          row.get("bestCorrect").asInt(), row.get("evaluated").asInt(),
          row.get("testCorrect").asInt(), row.get("testTotal").asInt()})
          .as("run %d: %s", i, row.get("values")).isEqualTo(expected);
      JsonNode values = row.get("values");
      assertThat(values.get("optimizer.learningRate").asDouble()).isEqualTo(ETAS[i / 4]);
      assertThat(values.get("regularization.lambda").asDouble()).isEqualTo(LAMBDAS[i / 2 % 2]);
      assertThat(values.get("seed").asLong()).isEqualTo(SEEDS[i % 2]);
    }
  }

  /** A master and two workers of one core each, from the pinned Spark jars; once. */
  private static void startCluster() throws Exception {
    if (master != null) {
      return;
    }
    Path home = Path.of(System.getProperty("nnj.sparkHome"));
    assertThat(home.resolve("jars")).isDirectory();
    Files.writeString(home.resolve("RELEASE"), "Spark's jars as Maven resolved them, for SweepIT\n");
    int port = freePort();
    master = "spark://127.0.0.1:" + port;
    cluster.add(start(home, "master", "org.apache.spark.deploy.master.Master", "--host",
        "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
    waitFor(directory.resolve("master.log"), "I have been elected leader");
    for (int w = 1; w <= 2; w++) {
      cluster.add(start(home, "worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host",
          "127.0.0.1", "--cores", "1", "--memory", "2g", "--webui-port",
          String.valueOf(freePort()), "--work-dir", directory.resolve("work-" + w).toString(),
          master));
    }
    for (int w = 1; w <= 2; w++) {
      waitFor(directory.resolve("worker-" + w + ".log"), "Successfully registered with master");
    }
  }

  private static Process start(Path home, String name, String main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    for (String flag : Files.readAllLines(Path.of("..", "spark", "jvm.flags"))) {
      if (!flag.isBlank()) {
        command.add(flag);
      }
    }
    command.addAll(List.of("-Xmx1g", "-cp", home.resolve("jars") + "/*", main));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(directory.resolve(name + ".log").toFile());
    Map<String, String> env = builder.environment();
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13"); // how a worker finds the jars of its executors
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  private static void waitFor(Path log, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(log + " never said \"" + line + "\":\n"
        + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  private static List<Path> appDirectories(Path work) throws IOException {
    if (!Files.isDirectory(work)) {
      return List.of();
    }
    try (var list = Files.list(work)) {
      return list.filter(path -> path.getFileName().toString().startsWith("app-")).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @AfterAll
  static void stopCluster() {
    for (Process process : cluster) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Runs nnj in this JVM; returns what it printed, failing on a non-zero exit. */
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    assertThat(exit).as("nnj %s: %s", String.join(" ", args), err).isZero();
    return out.toString();
  }
}
