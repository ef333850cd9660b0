package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every bad input to {@code nnj sweep} is one line on standard error, and writes nothing. */
class SweepCommandTest {

  @TempDir Path directory;

  static Stream<Arguments> badSweeps() {
    return Stream.of(
        Arguments.of("unknown field to vary", "{\"vary\": {\"optimizer.learningRat\": [0.1]}}",
            "vary \"optimizer.learningRat\": the experiment has no field \"learningRat\" in "
                + "optimizer; it has: learningRate, type"),
        Arguments.of("empty list", "{\"vary\": {\"seed\": []}}",
            "vary \"seed\": no values (an empty list); give at least one"),
        Arguments.of("value the field cannot take", "{\"vary\": {\"epochs\": [0]}}",
            "run 0 (epochs=0): epochs must be >= 1: 0"),
        Arguments.of("no vary", "{\"experiment\": {\"epochs\": 1}}", "\"vary\" must be an object"),
        Arguments.of("not JSON", "{\"vary\": ", "not JSON"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSweeps")
  void badSweep_isOneLineAndWritesNothing(String what, String json, String message)
      throws IOException {
    Path sweep = Files.writeString(directory.resolve("sweep.json"), json);
    Path out = directory.resolve("out");
    Result result = run("sweep", sweep.toString(), "--out", out.toString());
    assertThat(result.exit()).isNotZero();
    assertThat(result.err().lines()).as(result.err()).hasSize(1);
    assertThat(result.err()).contains(message).doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingFileAndBadCount_areOneLineEach() throws IOException {
    Result missing = run("sweep", directory.resolve("none.json").toString());
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("no such file");
    Path sweep = Files.writeString(directory.resolve("s.json"), "{\"vary\": {\"seed\": [1]}}");
    Result zero = run("sweep", sweep.toString(), "--at-once", "0");
    assertThat(zero.exit()).isNotZero();
    assertThat(zero.err()).contains("--at-once must be a positive integer: 0");
  }

  /** The shipped sweep reads, and is chapter 3's 3 η × 2 λ × 3 seeds. */
  @Test
  void shippedSweep_isTheSearchOfChapterThree() {
    dev.nnj.experiments.Registry registry = dev.nnj.experiments.Plugins.injector(List.of())
        .getInstance(dev.nnj.experiments.Registry.class);
    List<dev.nnj.experiments.Sweep.Run> runs = dev.nnj.experiments.Sweep
        .read(Path.of("sweeps", "ch3-search.json")).runs(registry);
    assertThat(runs).hasSize(18);
    assertThat(runs.get(17).describe())
        .isEqualTo("optimizer.learningRate=2.5, regularization.lambda=5.0, seed=3");
    assertThat(runs).allSatisfy(run -> assertThat(run.spec().epochs()).isEqualTo(10));
  }

  @Test
  void defaultDirectory_isBesideTheSweep() {
    assertThat(SweepCommand.defaultDirectory(directory.resolve("ch3.json")))
        .isEqualTo(directory.resolve("ch3-runs"));
  }

  private record Result(int exit, String err) {}

  private static Result run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
    return new Result(exit, err.toString());
  }
}
