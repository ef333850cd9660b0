package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

  @Test
  void flopsPerExample_giveTheIssuesFigureForTheChapterOneNetwork() {
    // 4 · (784·30 + 30·10) · 50,000 = 4.764 GFLOP per epoch, the "about 4.7 GFLOP" of issue 3.
    assertThat(BenchCommand.flopsPerExample(List.of(784, 30, 10)) * 50_000).isEqualTo(4.764e9);
  }

  @Test
  void oneEpoch_isRefusedBecauseTheFirstIsWarmUp() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));
    assertThat(commandLine.execute("bench", "--epochs", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--epochs must be at least 2");
  }
}
