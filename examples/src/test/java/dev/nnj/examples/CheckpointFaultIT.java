package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import dev.nnj.core.NetworkFile;
import dev.nnj.experiments.CheckpointDirectory;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Fault injection: a checkpointed run killed with SIGKILL at many moments — at random times
 * (seeded), and exactly between two files of one epoch (through CheckpointDirectory's
 * {@code nnj.checkpoint.pauseAfter} seam, since a random kill seldom lands there) — then resumed
 * to the end, sometimes after a second kill of the resumed run. Every time, the directory holds
 * only complete files, and the end is the uninterrupted run's: a byte-identical {@code --save}
 * and an equal {@code best.json}. A second process on a directory in use is refused, naming the
 * first; the operating system releases the lock when the first is killed.
 *
 * <p>The data are generated (three overlapping clusters, so that the best epoch moves around)
 * and the run is small: under a second of training after a few seconds of start-up, about 25
 * runs in all.
 */
class CheckpointFaultIT {

  private static final int EPOCHS = 8;
  /** Pauses between files besides those after every best.json. */
  private static final int OTHER_OPERATIONS = 3;
  private static final int TRIALS_AT_RANDOM = 8;
  /**
   * How long a child may take to reach a moment: generous, since the machine's other work may
   * pause this test for minutes; the waits end as soon as the moment comes.
   */
  private static final long PATIENCE_MINUTES = 15;

  @TempDir Path directory;

  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);
  private final Random random = new Random(20261202);
  private Path data;
  private Path spec;

  @BeforeEach
  void dataAndSpec() throws IOException {
    data = Files.createDirectory(directory.resolve("data"));
    writeClusters(data.resolve("train.csv"), 12000, 1);
    writeClusters(data.resolve("test.csv"), 1000, 2);
    spec = Files.writeString(directory.resolve("spec.json"), """
        {"sizes": [16, 48, 3], "optimizer": {"type": "momentum", "learningRate": 0.3, "momentum": 0.9},
         "dataset": "csv", "epochs": %d, "batchSize": 16, "seed": 5}""".formatted(EPOCHS));
  }

  /** Three clusters in 16 dimensions, close enough to overlap: accuracy goes up and down. */
  private static void writeClusters(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      int label = i % 3;
      csv.append(label);
      for (int f = 0; f < 16; f++) {
        double centre = f % 3 == label ? 0.6 : 0.4;
        csv.append(String.format(Locale.ROOT, ",%.4f", centre + 0.25 * random.nextGaussian()));
      }
      csv.append('\n');
    }
    Files.writeString(file, csv);
  }

  @Test
  void killedAtAnyMoment_resumesToTheUninterruptedRun() throws Exception {
    Path straightCheckpoints = directory.resolve("straight");
    Path straight = directory.resolve("straight.json");
    long started = System.nanoTime();
    Run uninterrupted = launch(null, "--checkpoint", straightCheckpoints.toString(),
        "--save", straight.toString());
    // The lock file appears once the data are loaded, just before the first epoch.
    awaitFile(uninterrupted, straightCheckpoints.resolve(".nnj.lock"));
    long training = System.nanoTime();
    assertThat(uninterrupted.process().waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)).isTrue();
    assertThat(uninterrupted.process().exitValue()).as(uninterrupted.errors()).isZero();
    long trainingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - training);
    long startMillis = TimeUnit.NANOSECONDS.toMillis(training - started);

    // Between files: after every best.json (before the epoch file that records it), the window
    // a kill at random seldom hits, and after a few other file operations drawn at random.
    List<String> operations = operations(straightCheckpoints);
    List<Integer> pauses = new ArrayList<>();
    for (int n = 1; n <= operations.size(); n++) {
      if (operations.get(n - 1).equals("writing best.json")) {
        pauses.add(n);
      }
    }
    for (int extra = 0; extra < OTHER_OPERATIONS; extra++) {
      pauses.add(1 + random.nextInt(operations.size()));
    }
    int trial = 0;
    for (int pause : pauses) {
      Path checkpoints = directory.resolve("between-" + trial);
      Run paused = launch(pause, "--checkpoint", checkpoints.toString());
      awaitPause(paused);
      // The order of the files is the uninterrupted run's: best.json before its epoch file.
      assertThat(paused.errors()).contains("nnj: paused after " + operations.get(pause - 1) + " (");
      assertOnlyCompleteFiles(checkpoints);
      if (trial == 0) {
        secondRunIsRefusedNamingTheFirst(checkpoints, paused.process().pid());
      }
      kill(paused);
      report(trial, "killed after " + operations.get(pause - 1), checkpoints);
      resumeAndCompare(checkpoints, trial, straight, straightCheckpoints);
      trial++;
    }
    for (int t = 0; t < TRIALS_AT_RANDOM; t++, trial++) {
      Path checkpoints = directory.resolve("random-" + t);
      Run run = launch(null, "--checkpoint", checkpoints.toString());
      awaitFile(run, checkpoints.resolve(".nnj.lock"));
      long after = (long) (random.nextDouble() * trainingMillis);
      Thread.sleep(after);
      kill(run);
      report(trial, "killed " + after + " ms into training", checkpoints);
      if (random.nextBoolean() && hasEpochFile(checkpoints)) {
        assertOnlyCompleteFiles(checkpoints);
        // The resumed run killed in turn, at any moment from its start to its end.
        Run resumed = launch(null, "--resume", checkpoints.toString());
        long resumedFor = (long) (random.nextDouble() * (startMillis + trainingMillis));
        Thread.sleep(resumedFor);
        kill(resumed);
        report(trial, "its resume killed after " + resumedFor + " ms", checkpoints);
      }
      resumeAndCompare(checkpoints, trial, straight, straightCheckpoints);
    }
  }

  /**
   * The uninterrupted run's file operations in order, as CheckpointDirectory makes them and its
   * pause seam counts them: best.json when the epoch improved, the epoch file, then the removal
   * of the oldest beyond the kept three.
   */
  private List<String> operations(Path straightCheckpoints) {
    JsonNode epochs = NetworkFile.read(straightCheckpoints.resolve(String.format("epoch-%04d.json",
            EPOCHS)), registry.jsonMapper())
        .training().path("checkpoint").path("history").path("epochs");
    List<String> operations = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (int e = 0; e < EPOCHS; e++) {
      double accuracy = epochs.get(e).path("evaluationAccuracy").asDouble();
      if (accuracy > best) {
        best = accuracy;
        operations.add("writing best.json");
      }
      operations.add(String.format("writing epoch-%04d.json", e + 1));
      if (e + 1 > CheckpointDirectory.KEPT) {
        operations.add(String.format("removing epoch-%04d.json", e + 1 - CheckpointDirectory.KEPT));
      }
    }
    return operations;
  }

  /** Which moment a trial hit and what it left, for the test's log. */
  private static void report(int trial, String moment, Path checkpoints) throws IOException {
    System.out.printf("trial %d: %s; left %s%n", trial, moment, names(checkpoints));
  }

  /** SIGKILL: no shutdown hook, no clean-up. */
  private static void kill(Run run) throws InterruptedException {
    run.process().destroyForcibly();
    assertThat(run.process().waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)).isTrue();
  }

  /** While the first process holds the directory, a second is refused in one line naming it. */
  private void secondRunIsRefusedNamingTheFirst(Path checkpoints, long pid) throws IOException {
    List<String> before = names(checkpoints);
    String refusal = "nnj: error: checkpoint directory " + checkpoints + " is in use by nnj "
        + "process " + pid + "; wait for it to end, or give another directory";
    StringWriter err = new StringWriter();
    assertThat(run(err, "train", spec.toString(), "--data", data.toString(), "--checkpoint",
        checkpoints.toString())).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo(refusal);
    err = new StringWriter();
    assertThat(run(err, "train", "--resume", checkpoints.toString(), "--data", data.toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo(refusal);
    assertThat(names(checkpoints)).isEqualTo(before);
  }

  /**
   * The killed directory holds only nnj's files, each complete; resumed to the end it gives the
   * uninterrupted run's network, bit for bit, and its best.json.
   */
  private void resumeAndCompare(Path checkpoints, int trial, Path straight, Path straightCheckpoints)
      throws IOException {
    Path resumed = directory.resolve("resumed-" + trial + ".json");
    StringWriter err = new StringWriter();
    int exit;
    if (hasEpochFile(checkpoints)) {
      assertOnlyCompleteFiles(checkpoints);
      exit = run(err, "train", "--resume", checkpoints.toString(), "--data", data.toString(),
          "--save", resumed.toString());
    } else {
      // Killed before its first checkpoint: nothing to resume, start again.
      exit = run(err, "train", spec.toString(), "--data", data.toString(),
          "--checkpoint", checkpoints.toString(), "--save", resumed.toString());
    }
    assertThat(exit).as("trial %d: %s", trial, err).isZero();
    assertThat(Files.readAllBytes(resumed)).as("trial %d: --save", trial)
        .isEqualTo(Files.readAllBytes(straight));
    assertThat(bestOf(checkpoints)).as("trial %d: best.json", trial)
        .isEqualTo(bestOf(straightCheckpoints));
    assertThat(names(checkpoints)).as("trial %d", trial)
        .allMatch(name -> name.matches("epoch-\\d{4}\\.json|best\\.json|\\.nnj\\.lock"));
  }

  /** best.json as a tree without the training times, which differ from run to run. */
  private JsonNode bestOf(Path checkpoints) {
    NetworkFile.Saved best = NetworkFile.read(checkpoints.resolve("best.json"), registry.jsonMapper());
    ObjectNode training = best.training().deepCopy();
    for (JsonNode epoch : training.path("checkpoint").path("history").path("epochs")) {
      ((ObjectNode) epoch).remove("trainingSeconds");
    }
    ObjectNode tree = registry.jsonMapper().createObjectNode();
    tree.set("parameters", registry.jsonMapper().valueToTree(best.network().parameterSnapshot()));
    tree.set("training", training);
    return tree;
  }

  private void assertOnlyCompleteFiles(Path checkpoints) throws IOException {
    for (String name : names(checkpoints)) {
      assertThat(name).matches("epoch-\\d{4}\\.json|best\\.json|\\.nnj\\.lock"
          + "|\\.(epoch-\\d{4}\\.json|best\\.json)\\.nnj-[0-9a-z]+\\.tmp");
      if (!name.startsWith(".")) {
        NetworkFile.read(checkpoints.resolve(name), registry.jsonMapper()); // complete: it reads
      }
    }
  }

  private static boolean hasEpochFile(Path checkpoints) throws IOException {
    return Files.isDirectory(checkpoints)
        && names(checkpoints).stream().anyMatch(name -> name.matches("epoch-\\d{4}\\.json"));
  }

  private static List<String> names(Path checkpoints) throws IOException {
    if (!Files.isDirectory(checkpoints)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(checkpoints)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** A run in a JVM of its own, with the file its standard error goes to. */
  private record Run(Process process, Path log) {
    /** What the process has written to standard error so far. */
    String errors() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        return e.toString();
      }
    }
  }

  /** {@code nnj train SPEC --data DATA more…} in a JVM of its own, pausing after a file operation if given. */
  private Run launch(Integer pauseAfter, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path")));
    if (pauseAfter != null) {
      command.add("-Dnnj.checkpoint.pauseAfter=" + pauseAfter);
    }
    command.addAll(List.of(Main.class.getName(), "train"));
    if (!List.of(more).contains("--resume")) {
      command.add(spec.toString());
    }
    command.addAll(List.of("--data", data.toString(), "--quiet"));
    command.addAll(List.of(more));
    Path log = Files.createTempFile(directory, "run", ".err");
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    return new Run(process, log);
  }

  /** Waits until the run has paused at its file operation and said so. */
  private static void awaitPause(Run run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
    while (!run.errors().contains("nnj: paused after ")) {
      assertThat(run.process().isAlive()).as("the run ended before its pause: %s", run.errors())
          .isTrue();
      assertThat(System.nanoTime()).as("no pause in time").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static void awaitFile(Run run, Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
    while (!Files.exists(file) && run.process().isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(file).as(run.errors()).exists();
  }

  private static Integer run(StringWriter err, String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
