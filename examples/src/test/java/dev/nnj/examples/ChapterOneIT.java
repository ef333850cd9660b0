package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.core.EpochResult;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.FetchListener;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chapter-1 network on the real MNIST data, from the cache (or {@code $NNJ_DATA}); fetched on
 * first use if absent. CI fetches it with {@code ./nnj datasets fetch} before the tests.
 */
class ChapterOneIT {

  private static Splits mnist;
  private static ChapterOne chapterOne;

  @BeforeAll
  static void loadMnist() {
    chapterOne = Guice.createInjector(new NnjModule()).getInstance(ChapterOne.class);
    mnist = Guice.createInjector(new NnjModule()).getInstance(Registry.class).dataset("mnist")
        .load(new DataLocation(DataLocation.defaultDirectory("mnist"), FetchListener.NONE));
  }

  @Test
  void mnist_hasTheBooksSplit() {
    assertThat(mnist.training().size()).isEqualTo(50_000);
    assertThat(mnist.validation().size()).isEqualTo(10_000);
    assertThat(mnist.test().size()).isEqualTo(10_000);
    assertThat(mnist.training().featureCount()).isEqualTo(784);
  }

  @Test
  void oneEpoch_reachesNinetyPercentOnTheTestImages() {
    ChapterOne.Settings settings = new ChapterOne.Settings(List.of(784, 30, 10), 1, 10, 3.0, 1);
    List<EpochResult> results = chapterOne.train(settings, mnist, TrainingListener.NONE).epochs();
    // The book reports 91.29 % after the first epoch; the numpy restatement 90.34 %.
    assertThat(results.get(0).evaluated()).isEqualTo(10_000);
    assertThat(results.get(0).correct()).isGreaterThanOrEqualTo(9_000);
  }

  @Test
  void firstLayerThatDoesNotMatchTheData_isOneLineFromTheCommandLine() {
    StringWriter err = new StringWriter();
    picocli.CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    int exit = commandLine.execute("train", "--sizes", "100,30,10", "--epochs", "1",
        "--data", DataLocation.defaultDirectory("mnist").toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("nnj: error: the first layer size is 100 but the data has 784 features per example");
  }
}
