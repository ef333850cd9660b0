package dev.nnj.examples;

import picocli.CommandLine.Command;

/** The top-level {@code nnj} command; it only groups the subcommands. */
@Command(
    name = "nnj",
    mixinStandardHelpOptions = true,
    version = "nnj 0.1.0-SNAPSHOT",
    description = "Neural networks whose parts plug together: Nielsen's networks in plain Java.",
    subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, PlotCommand.class,
        BenchCommand.class, DatasetsCommand.class, SweepCommand.class},
    footer = {"", "Run 'nnj COMMAND --help' for a command's options."})
final class NnjCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
