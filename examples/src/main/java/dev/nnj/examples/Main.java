package dev.nnj.examples;

import dev.nnj.core.MemoryEstimate;
import dev.nnj.experiments.UnknownPartException;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code nnj} command line: {@code ./nnj train}, {@code ./nnj datasets fetch}, {@code ./nnj --help}. */
public final class Main {

  private Main() {}

  /** Runs the command line and exits with its code: 0 on success, 1 on a failed run, 2 on bad usage. */
  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // What the estimates let through (they are lower bounds) or nothing estimates (the data):
      // by now the frames that held the memory are gone, so one line can still be printed.
      System.err.println("nnj: error: " + outOfMemory(e, Runtime.getRuntime().maxMemory()));
      code = CommandLine.ExitCode.SOFTWARE;
    }
    System.exit(code);
  }

  /** The one line for an {@link OutOfMemoryError}, naming the heap's limit. */
  static String outOfMemory(OutOfMemoryError e, long maxHeap) {
    return "out of memory (" + e.getMessage() + ") within this JVM's maximum heap of "
        + MemoryEstimate.binaryUnits(maxHeap) + "; give Java more with JAVA_OPTS=-Xmx…, or use "
        + "smaller layers, mini-batches or data";
  }

  /** The configured command line, for tests: errors become one line on standard error. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new NnjCommand());
    commandLine.setExecutionStrategy(new StrictOptions(new CommandLine.RunLast()));
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      CommandLine failed = exception.getCommandLine();
      failed.getErr().println("nnj: " + unknownCommand(exception).orElseGet(() -> withPluginHint(exception))
          + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
      return CommandLine.ExitCode.USAGE;
    });
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      // The library reports bad data and settings as exceptions with one-line messages; a user
      // needs that line, not a stack trace.
      failed.getErr().println("nnj: error: " + withPluginHint(exception));
      return CommandLine.ExitCode.SOFTWARE;
    });
    return commandLine;
  }

  /** For a first word that names no command, says so and lists the commands. */
  static Optional<String> unknownCommand(CommandLine.ParameterException exception) {
    CommandLine failed = exception.getCommandLine();
    if (!(exception instanceof CommandLine.UnmatchedArgumentException unmatched)
        || failed.getParent() != null || unmatched.getUnmatched().isEmpty()
        || unmatched.getUnmatched().get(0).startsWith("-")) {
      return Optional.empty();
    }
    return Optional.of("unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
        + String.join(", ", failed.getSubcommands().keySet()));
  }

  /** The message; for a part nobody bound, it also says how a user's own parts are added. */
  static String withPluginHint(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownPartException) {
        return exception.getMessage() + "; parts of your own load with --plugins JAR|DIR or $"
            + PluginOptions.VARIABLE;
      }
    }
    return exception.getMessage();
  }
}
