package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Dataset;
import dev.nnj.datasets.DatasetFiles;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.Splits;
import java.util.Optional;

/**
 * The {@link Dataset} contract: call {@link #check} from a test of your own dataset, with a
 * location where its data is (generate small files in the test; never fetch from a test).
 *
 * <pre>{@code
 * @Test void iris_keepsTheContract(@TempDir Path directory) {
 *   writeIrisFiles(directory);
 *   DatasetContract.check("iris", new Iris(), DataLocation.of(directory));
 * }
 * }</pre>
 */
public final class DatasetContract {

  private DatasetContract() {}

  /** Every check below. */
  public static void check(String name, Dataset dataset, DataLocation location) {
    hasSomethingToLearn(name, dataset, location);
    loadsTheSameExamplesEveryTime(name, dataset, location);
    findsItsFilesAfterLoading(name, dataset, location);
    assertThat(dataset.description()).as("%s: the description", name).isNotBlank();
  }

  /**
   * Training and test data are not empty and there are at least two classes: what a run needs.
   * ({@link Splits} and {@link Examples} themselves refuse splits that disagree in features or
   * classes, labels outside the classes and features that are not finite.)
   */
  public static void hasSomethingToLearn(String name, Dataset dataset, DataLocation location) {
    Splits splits = dataset.load(location);
    assertThat(splits.training().size()).as("%s: training examples", name).isPositive();
    assertThat(splits.test().size()).as("%s: test examples", name).isPositive();
    assertThat(splits.training().classCount()).as("%s: classes", name).isGreaterThanOrEqualTo(2);
  }

  /** Loading twice gives the same examples in the same order: runs are reproducible. */
  public static void loadsTheSameExamplesEveryTime(String name, Dataset dataset,
      DataLocation location) {
    Splits first = dataset.load(location);
    Splits second = dataset.load(location);
    same(name, "training", first.training(), second.training());
    same(name, "validation", first.validation(), second.validation());
    same(name, "test", first.test(), second.test());
  }

  private static void same(String name, String split, Examples first, Examples second) {
    assertThat(second.labels()).as("%s: %s labels of a second load", name, split)
        .containsExactly(first.labels());
    assertThat(second.features()).as("%s: %s features of a second load", name, split)
        .containsExactly(first.features());
  }

  /** A dataset that can tell where its files are misses none of them once it has loaded. */
  public static void findsItsFilesAfterLoading(String name, Dataset dataset,
      DataLocation location) {
    dataset.load(location);
    Optional<DatasetFiles> files = dataset.files(location);
    files.ifPresent(found -> assertThat(found.missing())
        .as("%s: files missing in %s after loading", name, found.directory()).isEmpty());
  }
}
