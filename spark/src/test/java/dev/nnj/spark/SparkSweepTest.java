package dev.nnj.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nnj.experiments.LocalSweep;
import dev.nnj.experiments.Plugins;
import dev.nnj.experiments.Registry;
import dev.nnj.experiments.Sweep;
import dev.nnj.experiments.SweepRow;
import dev.nnj.experiments.SweepTable;
import dev.nnj.datasets.DataLocation;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep on Spark local[2] gives the local sweep's table, row for row. */
class SparkSweepTest {

  private final Registry registry = Plugins.injector(List.of()).getInstance(Registry.class);

  @TempDir Path directory;

  @Test
  void sparkLocal_givesTheLocalSweepsRows() throws IOException {
    Path data = Files.createDirectory(directory.resolve("xor"));
    writeXor(data.resolve("train.csv"), 300, 1);
    writeXor(data.resolve("test.csv"), 100, 2);
    Path file = Files.writeString(directory.resolve("sweep.json"), """
        {"experiment": {"sizes": [2, 6, 2], "dataset": {"type": "csv", "dir": "%s"},
                        "cost": "cross-entropy", "epochs": 3, "batchSize": 10},
         "vary": {"optimizer.learningRate": [0.5, 2.0], "seed": [1, 2, 3]}}""".formatted(data));
    Sweep sweep = Sweep.read(file);

    SweepTable local = new LocalSweep(registry).run(sweep, directory.resolve("local"),
        name -> DataLocation.of(directory), 2, LocalSweep.Listener.NONE);
    SweepTable spark = new SparkSweep(registry).run(sweep, "local[2]", directory);

    assertThat(withoutTimes(spark.rows())).isEqualTo(withoutTimes(local.rows()));
    assertThat(spark.rows()).hasSize(6);
    assertThat(spark.rows().stream().map(SweepRow::testCorrect).distinct().count())
        .isGreaterThan(1);
  }

  @Test
  void aMasterThatDoesNotAnswer_isOneLine() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    assertThatThrownBy(() -> SparkSweep.checkAnswers(master))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spark master " + master + " does not answer: 127.0.0.1:" + port)
        .hasMessageEndingWith("; is it running?");
    assertThatThrownBy(() -> SparkSweep.checkAnswers("spark://nohost"))
        .hasMessage("spark master spark://nohost: \"nohost\" is not host:port");
  }

  private static void writeXor(Path file, int n, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("label,x,y\n");
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble() * 2 - 1;
      double y = random.nextDouble() * 2 - 1;
      csv.append(x * y > 0 ? 1 : 0).append(',').append((float) x).append(',').append((float) y)
          .append('\n');
    }
    Files.writeString(file, csv);
  }

  static List<SweepRow> withoutTimes(List<SweepRow> rows) {
    return rows.stream().map(row -> new SweepRow(row.index(), row.values(), row.epochs(),
        row.bestEpoch(), row.bestCorrect(), row.evaluated(), row.testCorrect(), row.testTotal(),
        0)).toList();
  }
}
