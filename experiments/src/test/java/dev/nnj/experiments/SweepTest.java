package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.nnj.core.L2;
import dev.nnj.core.TrainingListener;
import dev.nnj.core.TrainingStoppedException;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.DatasetsModule;
import dev.nnj.datasets.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps: their grid, their sample, their refusals, and running them locally and again. */
class SweepTest {

  private final Registry registry = Guice.createInjector(new NnjModule(), new AbstractModule() {
    @Override protected void configure() {
      DatasetsModule.datasetBinder(binder()).addBinding("xor")
          .toInstance(new ExperimentSpecTest.Xor());
    }
  }).getInstance(Registry.class);

  @TempDir Path directory;

  /** A small network on XOR, varied over η, λ and the seed: the 3 × 2 × 2. */
  private Sweep twelve() throws IOException {
    Path file = directory.resolve("sweep.json");
    Files.writeString(file, """
        {"description": "twelve runs",
         "experiment": {"sizes": [2, 6, 2], "dataset": "xor", "cost": "cross-entropy",
                        "regularization": {"type": "l2", "lambda": 0.1},
                        "optimizer": {"type": "sgd", "learningRate": 1.0},
                        "evaluateOn": "validation", "epochs": 3, "batchSize": 10},
         "vary": {"optimizer.learningRate": [0.5, 1.0, 2.0], "regularization.lambda": [0.1, 1.0],
                  "seed": [1, 2]}}""");
    return Sweep.read(file);
  }

  @Test
  void grid_takesEveryCombination_firstFieldSlowest() throws IOException {
    List<Sweep.Run> runs = twelve().runs(registry);
    assertThat(runs).hasSize(12);
    assertThat(runs).extracting(Sweep.Run::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        10, 11);
    Sweep.Run seventh = runs.get(7); // η index 1, λ index 1, seed index 1
    assertThat(seventh.spec().optimizer().learningRate()).isEqualTo(1.0);
    assertThat(((L2) seventh.spec().regularization()).lambda()).isEqualTo(1.0);
    assertThat(seventh.spec().seed()).isEqualTo(2L);
    assertThat(seventh.describe())
        .isEqualTo("optimizer.learningRate=1.0, regularization.lambda=1.0, seed=2");
    assertThat(seventh.id()).isEqualTo("run-007");
    assertThat(runs.get(0).spec().optimizer().learningRate()).isEqualTo(0.5);
    assertThat(runs.get(11).spec().optimizer().learningRate()).isEqualTo(2.0);
    // Everything not varied is the experiment's own.
    assertThat(runs).allSatisfy(run -> assertThat(run.spec().epochs()).isEqualTo(3));
  }

  @Test
  void fieldsLeftOut_areVariedAtTheirDefaults() {
    Sweep sweep = Sweep.of(ExperimentSpec.chapterOne(), registry).varying("optimizer.learningRate",
        0.1, 3.0).varying("sizes", List.of(784, 100, 10));
    List<Sweep.Run> runs = sweep.runs(registry);
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1).spec().optimizer().learningRate()).isEqualTo(3.0);
    assertThat(runs.get(0).spec().sizes()).containsExactly(784, 100, 10);
    assertThat(runs.get(0).spec().batchSize()).isEqualTo(10);
  }

  @Test
  void sample_drawsDistinctRunsOfTheGrid_theSameForTheSameSeed() throws IOException {
    Sweep sweep = twelve();
    List<Integer> drawn = sweep.sampled(5, 7).runs(registry).stream().map(Sweep.Run::index).toList();
    assertThat(drawn).hasSize(5).doesNotHaveDuplicates().isSorted()
        .allSatisfy(index -> assertThat(index).isBetween(0, 11));
    assertThat(sweep.sampled(5, 7).runs(registry).stream().map(Sweep.Run::index).toList())
        .isEqualTo(drawn);
    List<List<Integer>> others = new ArrayList<>();
    for (long seed = 8; seed < 12; seed++) {
      others.add(sweep.sampled(5, seed).runs(registry).stream().map(Sweep.Run::index).toList());
    }
    assertThat(others).anySatisfy(other -> assertThat(other).isNotEqualTo(drawn));
    // A drawn run is the grid's run of that index, values and all.
    Sweep.Run one = sweep.sampled(5, 7).runs(registry).get(0);
    assertThat(one.spec()).isEqualTo(sweep.runs(registry).get(one.index()).spec());
    assertThatThrownBy(() -> sweep.sampled(13, 1).runs(registry))
        .hasMessage("sample: 13 runs asked of a grid of 12");
  }

  @Test
  void badInput_isRefusedInOneLineBeforeAnythingRuns() throws IOException {
    Sweep sweep = twelve();
    assertThatThrownBy(() -> sweep.varying("optimizer.learningRat", 0.1).runs(registry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vary \"optimizer.learningRat\": the experiment has no field \"learningRat\" in "
            + "optimizer; it has: learningRate, type");
    assertThatThrownBy(() -> sweep.varying("seed").runs(registry))
        .hasMessage("vary \"seed\": no values (an empty list); give at least one");
    assertThatThrownBy(() -> sweep.varying("epochs.count", 2).runs(registry))
        .hasMessage("vary \"epochs.count\": epochs is 3, which has no fields");
    assertThatThrownBy(() -> sweep.varying("sizes.3", 4).runs(registry))
        .hasMessage("vary \"sizes.3\": sizes is a list of 3; \"3\" is not one of its indices 0..2");
    assertThatThrownBy(() -> sweep.varying("optimizer.learningRate", "fast").runs(registry))
        .hasMessageContaining("optimizer 'sgd': learningRate cannot be \"fast\"")
        .hasMessageStartingWith("run 0 (");
  }

  @Test
  void badFile_isRefusedNamingIt() throws IOException {
    Path file = directory.resolve("bad.json");
    Files.writeString(file, "{\"experiment\": {}, \"vary\": {\"seed\": [1]}, \"runs\": 3}");
    assertThatThrownBy(() -> Sweep.read(file)).hasMessage(file + ": unknown field \"runs\"; "
        + "known: description, experiment, sample, vary");
    Files.writeString(file, "{\"experiment\": {}, \"vary\": {\"seed\": 1}}");
    assertThatThrownBy(() -> Sweep.read(file))
        .hasMessage(file + ": vary \"seed\": a list of values, not 1");
    Files.writeString(file, "{\"experiment\": {}}");
    assertThatThrownBy(() -> Sweep.read(file)).hasMessageContaining("it is missing");
    Files.writeString(file, "{\"vary\": {\"seed\": [1]}, \"sample\": {\"runs\": 0}}");
    assertThatThrownBy(() -> Sweep.read(file))
        .hasMessage(file + ": sample: runs must be at least 1: 0");
  }

  @Test
  void experiment_mayBeASpecFileBesideTheSweep() throws IOException {
    Files.writeString(directory.resolve("base.json"), "{\"epochs\": 4, \"batchSize\": 20}");
    Path file = directory.resolve("sweep.json");
    Files.writeString(file, "{\"experiment\": \"base.json\", \"vary\": {\"seed\": [3, 4]}}");
    List<Sweep.Run> runs = Sweep.read(file).runs(registry);
    assertThat(runs).extracting(run -> run.spec().seed()).containsExactly(3L, 4L);
    assertThat(runs).allSatisfy(run -> assertThat(run.spec().batchSize()).isEqualTo(20));
  }

  /** The table, row for row, is each run's own experiment trained alone, however many at once. */
  @Test
  void localSweep_givesEachRunsOwnResult_withOneOrTwoAtOnce() throws IOException {
    Sweep sweep = twelve();
    Splits data = new ExperimentSpecTest.Xor().load(null);
    Experiment experiment = new Experiment(registry);
    List<SweepRow> alone = new ArrayList<>();
    for (Sweep.Run run : sweep.runs(registry)) {
      alone.add(LocalSweep.train(experiment, run, data));
    }
    SweepTable two = new LocalSweep(registry).run(sweep, directory.resolve("two"), this::nowhere,
        2, LocalSweep.Listener.NONE);
    SweepTable one = new LocalSweep(registry).run(sweep, directory.resolve("one"), this::nowhere,
        1, LocalSweep.Listener.NONE);
    assertThat(withoutTimes(two.rows())).isEqualTo(withoutTimes(alone));
    assertThat(withoutTimes(one.rows())).isEqualTo(withoutTimes(alone));
    // The runs differ from each other: the values reached the experiments.
    assertThat(alone.stream().map(row -> row.bestCorrect() * 100_000 + row.testCorrect())
        .distinct().count()).isGreaterThan(3);
    assertThat(Files.readString(directory.resolve("two/results.csv")).lines()).hasSize(13)
        .first().asString().startsWith("run,optimizer.learningRate,regularization.lambda,seed,");
    int best = two.json().get("best").asInt();
    assertThat(two.rows().get(best).bestAccuracy())
        .isEqualTo(two.rows().stream().mapToDouble(SweepRow::bestAccuracy).max().orElseThrow());
  }

  /** Started again, a sweep trains only the runs without a row, resuming one cut short. */
  @Test
  void sweepStartedAgain_finishesOnlyWhatIsMissing() throws IOException {
    Sweep sweep = twelve();
    Path out = directory.resolve("out");
    SweepTable first = new LocalSweep(registry).run(sweep, out, this::nowhere, 2,
        LocalSweep.Listener.NONE);
    // Run 3 never finished; run 8 was stopped after its first epoch, checkpointed.
    delete(out.resolve("runs/run-003"));
    delete(out.resolve("runs/run-008"));
    Sweep.Run eighth = sweep.runs(registry).get(8);
    try (CheckpointDirectory checkpoints = CheckpointDirectory.open(
        out.resolve("runs/run-008/checkpoints"), registry.jsonMapper())) {
      TrainingListener stopAfterOneEpoch = new TrainingListener() {
        boolean epochDone;
        @Override public void epochFinished(dev.nnj.core.EpochResult result) {
          epochDone = true;
        }
        @Override public boolean stopRequested() {
          return epochDone;
        }
      };
      assertThatThrownBy(() -> new Experiment(registry).run(eighth.spec(),
          new ExperimentSpecTest.Xor().load(null), stopAfterOneEpoch, null,
          checkpoints.startRun(eighth.spec()))).isInstanceOf(TrainingStoppedException.class);
    }
    List<Integer> trained = new ArrayList<>();
    AtomicInteger earlier = new AtomicInteger();
    SweepTable again = new LocalSweep(registry).run(sweep, out, this::nowhere, 2,
        (run, row, before, done, total) -> {
          if (before) {
            earlier.incrementAndGet();
          } else {
            trained.add(run.index());
          }
        });
    assertThat(trained).containsExactlyInAnyOrder(3, 8);
    assertThat(earlier).hasValue(10);
    assertThat(withoutTimes(again.rows())).isEqualTo(withoutTimes(first.rows()));
    assertThatThrownBy(() -> new LocalSweep(registry).run(sweep.varying("seed", 5), out,
        this::nowhere, 1, LocalSweep.Listener.NONE))
        .hasMessageContaining(out + " holds another sweep");
  }

  /** XOR has no files: any location does. */
  private DataLocation nowhere(String dataset) {
    return DataLocation.of(directory);
  }

  private static List<SweepRow> withoutTimes(List<SweepRow> rows) {
    return rows.stream().map(row -> new SweepRow(row.index(), row.values(), row.epochs(),
        row.bestEpoch(), row.bestCorrect(), row.evaluated(), row.testCorrect(), row.testTotal(),
        0)).toList();
  }

  private static void delete(Path path) throws IOException {
    try (var walk = Files.walk(path)) {
      for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
