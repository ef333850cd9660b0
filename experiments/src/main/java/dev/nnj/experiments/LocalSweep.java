package dev.nnj.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nnj.core.AtomicFile;
import dev.nnj.core.Checkpoint;
import dev.nnj.core.History;
import dev.nnj.core.TrainingListener;
import dev.nnj.core.kernels.KernelThreads;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Splits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a {@link Sweep} on this machine, several runs at once, into a directory that keeps every
 * run's checkpoints, history and row, so that a sweep started again finishes only what is
 * missing:
 *
 * <pre>
 * DIR/sweep.json                   the sweep, as it was first run
 * DIR/runs/run-007/checkpoints/    the run's checkpoints (see {@link CheckpointDirectory})
 * DIR/runs/run-007/history.json    its epochs' figures, once it has finished
 * DIR/runs/run-007/row.json        its row of the table, written last: the run is done
 * DIR/results.csv, results.json    the table, when every run is done
 * </pre>
 *
 * <p>A run that was stopped part-way resumes from its newest checkpoint, to the result it would
 * have had uninterrupted. With more than one run at once, each run's kernels stay on its own
 * thread ({@link KernelThreads}): on two cores two runs of one thread each beat one run of two
 * for small networks. Results do not depend on how many run at once.
 */
public final class LocalSweep {

  /** Hears of the runs as they finish; called from the runs' threads, one call at a time. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Run {@code run} is done: {@code earlier} if a former start of the sweep finished it.
     *
     * @param done how many runs are done now, of {@code total}
     */
    void finished(Sweep.Run run, SweepRow row, boolean earlier, int done, int total);

    /** A listener that ignores everything. */
    Listener NONE = (run, row, earlier, done, total) -> {};
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Registry registry;

  public LocalSweep(Registry registry) {
    this.registry = registry;
  }

  /**
   * Runs every run of {@code sweep} that {@code directory} does not hold finished, {@code atOnce}
   * at a time, and returns (and writes) the whole table.
   *
   * @param data where each dataset is, by name (fetched there if missing)
   * @throws IllegalArgumentException if the sweep is bad, or {@code directory} holds another sweep
   */
  public SweepTable run(Sweep sweep, Path directory, Function<String, DataLocation> data,
      int atOnce, Listener listener) {
    if (atOnce < 1) {
      throw new IllegalArgumentException("runs at once must be at least 1: " + atOnce);
    }
    List<Sweep.Run> runs = sweep.runs(registry);
    claim(directory, sweep);
    List<SweepRow> rows = new ArrayList<>();
    List<Sweep.Run> missing = new ArrayList<>();
    for (Sweep.Run run : runs) {
      Path row = runDirectory(directory, run).resolve("row.json");
      if (Files.exists(row)) {
        rows.add(readRow(row));
        listener.finished(run, rows.get(rows.size() - 1), true, rows.size(), runs.size());
      } else {
        missing.add(run);
      }
    }
    Map<String, Splits> loaded = new HashMap<>();
    for (Sweep.Run run : missing) {
      String name = run.spec().dataset().name();
      if (!loaded.containsKey(name)) {
        loaded.put(name, registry.dataset(run.spec().dataset()).load(data.apply(name)));
      }
      Experiment.check(run.spec(), loaded.get(name)); // too big for this JVM: said before any run
    }
    ExecutorService pool = Executors.newFixedThreadPool(atOnce, task -> {
      Thread thread = new Thread(task, "nnj-sweep");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<SweepRow>> futures = new ArrayList<>();
      Experiment experiment = new Experiment(registry);
      for (Sweep.Run run : missing) {
        Splits splits = loaded.get(run.spec().dataset().name());
        futures.add(pool.submit(() -> {
          SweepRow row = atOnce > 1
              ? KernelThreads.onOneThread(() -> runInto(experiment, run, splits, directory))
              : runInto(experiment, run, splits, directory);
          synchronized (rows) {
            rows.add(row);
            listener.finished(run, row, false, rows.size(), runs.size());
          }
          return row;
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          Throwable cause = e.getCause();
          throw new IllegalStateException(missing.get(i).id() + " (" + missing.get(i).describe()
              + ") failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the sweep ran", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    SweepTable table = new SweepTable(List.copyOf(sweep.vary().keySet()), rows);
    table.write(directory.resolve("results.csv"), directory.resolve("results.json"));
    return table;
  }

  /**
   * Trains {@code run} on {@code data} with no files: what a run of a sweep computes, wherever
   * it runs (on a Spark executor, say).
   */
  public static SweepRow train(Experiment experiment, Sweep.Run run, Splits data) {
    Experiment.Result result = experiment.run(run.spec(), data, TrainingListener.NONE);
    return SweepRow.of(run, result.history(), result.test());
  }

  /** Trains {@code run}, resuming its checkpoints if it has some, and writes its files. */
  private SweepRow runInto(Experiment experiment, Sweep.Run run, Splits data, Path directory) {
    Path home = runDirectory(directory, run);
    try (CheckpointDirectory checkpoints =
        CheckpointDirectory.open(home.resolve("checkpoints"), registry.jsonMapper())) {
      CheckpointDirectory.Saved saved = checkpoints.hasCheckpoint() ? checkpoints.latest() : null;
      if (saved != null && !saved.experiment().toJson(registry).equals(run.spec().toJson(registry))) {
        throw new IllegalArgumentException(home + " holds checkpoints of another experiment than "
            + run.id() + "'s; delete them to run it afresh");
      }
      Checkpoint.Sink sink = saved != null ? checkpoints.continueRun(run.spec())
          : checkpoints.startRun(run.spec());
      Experiment.Result result = experiment.run(run.spec(), data, TrainingListener.NONE, saved, sink);
      SweepRow row = SweepRow.of(run, result.history(), result.test());
      result.history().writeJson(home.resolve("history.json"));
      write(home.resolve("row.json"), JSON.valueToTree(row));
      return row;
    }
  }

  private static Path runDirectory(Path directory, Sweep.Run run) {
    return directory.resolve("runs").resolve(run.id());
  }

  /**
   * Writes {@code sweep.json} in a new directory, or checks that an existing one's is this sweep:
   * the finished runs there are only this sweep's if the sweep is the same.
   */
  private void claim(Path directory, Sweep sweep) {
    ObjectNode given = JSON.createObjectNode();
    given.set("experiment", sweep.experiment());
    given.set("vary", JSON.valueToTree(sweep.vary()));
    given.set("sample", JSON.valueToTree(sweep.sample()));
    Path file = directory.resolve("sweep.json");
    try {
      if (Files.exists(file)) {
        JsonNode before = JSON.readTree(file.toFile());
        if (!before.equals(given)) {
          throw new IllegalArgumentException(directory + " holds another sweep (" + file
              + " differs from this one): give another directory, or delete it to start afresh");
        }
        return;
      }
      Files.createDirectories(directory);
      write(file, given);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use " + directory + ": " + e.getMessage(), e);
    }
  }

  private static SweepRow readRow(Path file) {
    try {
      return JSON.readValue(file.toFile(), SweepRow.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not a run's row (" + e.getMessage()
          + "); delete it to run that run again", e);
    }
  }

  private static void write(Path file, JsonNode content) {
    try {
      Files.createDirectories(file.getParent());
      byte[] bytes = JSON.writeValueAsBytes(content);
      AtomicFile.write(file, out -> out.write(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
