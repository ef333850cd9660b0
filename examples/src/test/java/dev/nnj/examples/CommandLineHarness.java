package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the {@code nnj} command line in-process for a test, capturing standard output and
 * standard error. A fresh instance per test (JUnit's default) gives fresh buffers.
 */
abstract class CommandLineHarness {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs {@code nnj args…} and returns its exit code. */
  int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  /** Standard error, asserted to be one line with no stack trace. */
  String oneErrorLine() {
    String text = err.toString();
    assertThat(text.lines()).as("standard error: %s", text).hasSize(1);
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ");
    return text.strip();
  }
}
