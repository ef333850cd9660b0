package dev.nnj.examples;

import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Checks what picocli lets through before a command runs: a list option given twice (picocli
 * would join {@code --sizes 784,10,10 --sizes 784,30,10} into one list of six) and a list with an
 * empty element (picocli would drop the last of {@code --sizes 784,10,}). Options that picocli
 * holds one value for already refuse a repeat. An unknown word is refused even beside
 * {@code --help}, which picocli would answer with the top-level help.
 */
final class StrictOptions implements CommandLine.IExecutionStrategy {

  /** List options that add up on purpose: each {@code --plugins} adds jars. */
  private static final Set<String> REPEATABLE = Set.of("--plugins");

  private final CommandLine.IExecutionStrategy next;

  StrictOptions(CommandLine.IExecutionStrategy next) {
    this.next = next;
  }

  @Override
  public int execute(ParseResult parseResult) {
    if (!parseResult.unmatched().isEmpty()) {
      // Only a help request lets an unknown word through: "nnj sweep --help" is not "nnj --help".
      throw new CommandLine.UnmatchedArgumentException(parseResult.commandSpec().commandLine(),
          parseResult.unmatched());
    }
    for (ParseResult command = parseResult; command != null; command = command.subcommand()) {
      check(command);
    }
    return next.execute(parseResult);
  }

  private static void check(ParseResult command) {
    Set<OptionSpec> seen = new HashSet<>();
    for (OptionSpec option : command.matchedOptions()) {
      if (option.splitRegex().isEmpty()) {
        continue;
      }
      if (!seen.add(option) && !REPEATABLE.contains(option.longestName())) {
        throw new ParameterException(command.commandSpec().commandLine(),
            option.longestName() + " was given more than once ("
                + String.join(" and ", option.originalStringValues()) + "); give it once");
      }
      for (String value : option.originalStringValues()) {
        for (String element : value.split(option.splitRegex(), -1)) {
          if (element.isBlank()) {
            throw new ParameterException(command.commandSpec().commandLine(),
                option.longestName() + " has an empty element: " + value);
          }
        }
      }
    }
  }
}
