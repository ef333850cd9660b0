package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.core.EpochResult;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.FetchListener;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Experiment;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins what every shipped experiment gives after its first epoch on the real data, so that no
 * change alters an experiment's results without this test saying so. A change that alters them on
 * purpose updates the figures here and says why in its commit.
 *
 * <p>The figures are counts of correctly classified images, which are bit-deterministic for a
 * seed (whatever the thread count) and robust to the last-bit differences that a JIT's choice of
 * intrinsics could make in a value printed with all its digits. Each experiment pins two: the
 * evaluation split after epoch 0 (what {@code ./nnj train SPEC --epochs 1} prints), and the test
 * split for the network after that epoch.
 */
class ExperimentsIT {

  private static final Path EXPERIMENTS = Path.of("experiments");

  /** Name → {evaluation correct after epoch 0, test correct after epoch 0}, of 10,000 each. */
  private static final Map<String, int[]> PINNED = Map.ofEntries(
      Map.entry("ch1-784-30-10", new int[] {9063, 9063}),
      Map.entry("ch1-784-100-10", new int[] {7576, 7576}),
      // Since the fix of the regularised sparse step; before it (93cbf8d..4633776) 9552.
      Map.entry("ch3-cross-entropy-l2", new int[] {9557, 9545}),
      Map.entry("ch3-cross-entropy-l2-60-epochs", new int[] {9319, 9314}),
      Map.entry("ch3-halve-on-plateau", new int[] {9557, 9545}),
      Map.entry("ch5-784-30-30-10", new int[] {9211, 9177}),
      Map.entry("ch6-softmax", new int[] {9274, 9274}),
      Map.entry("fashion-relu-adam", new int[] {8234, 8234}),
      Map.entry("relu-800-adam", new int[] {9599, 9599}),
      Map.entry("relu-dropout", new int[] {9534, 9469}),
      // One epoch of a convolutional network takes about half a minute here.
      Map.entry("ch6-conv-pool-fc100", new int[] {9367, 9347}),
      Map.entry("ch6-conv-conv-fc100-relu", new int[] {9747, 9758}),
      // One epoch of the 250,000 expanded images each: several minutes (the dropout network the most).
      Map.entry("ch6-conv-conv-fc100-relu-expanded", new int[] {9893, 9907}),
      Map.entry("ch6-conv-conv-fc1000-dropout-expanded", new int[] {9899, 9910}));

  private static final Registry REGISTRY =
      Guice.createInjector(new NnjModule()).getInstance(Registry.class);
  private static final Experiment EXPERIMENT =
      Guice.createInjector(new NnjModule()).getInstance(Experiment.class);
  private static final Map<String, Splits> LOADED = new HashMap<>();

  static Stream<String> shipped() throws IOException {
    try (Stream<Path> files = Files.list(EXPERIMENTS)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".json"))
          .map(name -> name.substring(0, name.length() - ".json".length()))
          .sorted().toList().stream();
    }
  }

  @Test
  void everyShippedExperimentIsPinned() throws IOException {
    assertThat(shipped().collect(Collectors.toSet())).isEqualTo(PINNED.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void firstEpoch_givesThePinnedFigures(String name) {
    ExperimentSpec spec = ExperimentSpec.read(EXPERIMENTS.resolve(name + ".json"),
        REGISTRY.jsonMapper()).with(1, null, null, null);
    Experiment.Result result = EXPERIMENT.run(spec, data(spec.dataset().name()), TrainingListener.NONE);
    EpochResult first = result.history().epochs().get(0);
    assertThat(new int[] {first.correct(), result.test().correct()})
        .as("%s: {evaluation, test} correct after epoch 0", name)
        .containsExactly(PINNED.get(name));
  }

  /**
   * The dataset from its cache, fetched if absent. Fashion-MNIST's hosts are out of reach on some
   * machines, where only its Debian package brings it: there, outside CI, its experiment is
   * skipped with the loader's message rather than failing a new user's first {@code verify}. CI
   * installs the package, and the experiment must run there.
   */
  private static synchronized Splits data(String dataset) {
    try {
      return LOADED.computeIfAbsent(dataset, name -> REGISTRY.dataset(name).load(
          new DataLocation(DataLocation.defaultDirectory(name), FetchListener.NONE)));
    } catch (RuntimeException notHere) {
      boolean mustRun = dataset.equals("mnist") || "true".equals(System.getenv("CI"));
      Assumptions.assumeTrue(mustRun,
          () -> dataset + " is not available here: " + notHere.getMessage());
      throw notHere;
    }
  }
}
