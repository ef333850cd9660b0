package dev.nnj.examples;

import dev.nnj.experiments.CheckpointDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The paths a command will write and the files it reads, checked before it does any work: each
 * output can be written, and no output replaces an input, another output or a checkpoint file.
 * Paths are compared as the file system resolves them (links followed), so two spellings of one
 * file are one file.
 */
final class Outputs {

  private enum Kind { INPUT, FILE, CHECKPOINTS }

  private record Claim(String option, Path given, Path real, Kind kind) {}

  private final List<Claim> claims = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** A file the command reads, which no output may replace. */
  void input(String what, Path file) {
    if (file != null) {
      claims.add(new Claim(what, file, real(file), Kind.INPUT));
    }
  }

  /** A file the command will write (or replace), if given. */
  void file(String option, Path file) {
    if (file == null) {
      return;
    }
    String problem = unwritable(file);
    if (problem != null) {
      problems.add(problem);
    } else {
      claims.add(new Claim(option, file, real(file), Kind.FILE));
    }
  }

  /**
   * Why {@code file} cannot be written (or replaced), in one phrase naming it: no directory, a
   * directory that is not writable, or a directory in its place; null if it can. Also {@code plot}'s
   * check of its output.
   */
  static String unwritable(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      return "cannot write " + file + ": no directory " + parent;
    } else if (!Files.isWritable(parent)) {
      return "cannot write " + file + ": directory " + parent + " is not writable";
    } else if (Files.isDirectory(file)) {
      return "cannot write " + file + ": it is a directory";
    }
    return null;
  }

  /** A checkpoint directory the command will write into, created if {@code mustExist} is false. */
  void checkpoints(String option, Path directory, boolean mustExist) {
    if (directory == null) {
      return;
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      problems.add(option + " " + directory + ": it is a file, not a directory");
    } else if (Files.isDirectory(directory) && !Files.isWritable(directory)) {
      problems.add(option + " " + directory + ": the directory is not writable");
    } else if (!Files.exists(directory) && mustExist) {
      problems.add(option + " " + directory + ": no such directory");
    } else if (!Files.exists(directory) && !Files.isDirectory(parent)) {
      problems.add("cannot create " + option + " " + directory + ": no directory " + parent);
    } else if (!Files.exists(directory) && !Files.isWritable(parent)) {
      problems.add("cannot create " + option + " " + directory + ": directory " + parent
          + " is not writable");
    } else {
      claims.add(new Claim(option, directory, real(directory), Kind.CHECKPOINTS));
    }
  }

  /** What is wrong, one phrase per problem; empty when every output can be written. */
  List<String> problems() {
    List<String> all = new ArrayList<>(problems);
    for (int i = 0; i < claims.size(); i++) {
      for (int j = i + 1; j < claims.size(); j++) {
        conflict(claims.get(i), claims.get(j)).ifPresent(all::add);
      }
    }
    return all;
  }

  private static Optional<String> conflict(Claim first, Claim second) {
    if (first.kind() == Kind.CHECKPOINTS || second.kind() == Kind.CHECKPOINTS) {
      Claim directory = first.kind() == Kind.CHECKPOINTS ? first : second;
      Claim file = directory == first ? second : first;
      if (file.kind() == Kind.INPUT) {
        return Optional.empty();
      }
      if (file.real().equals(directory.real())) {
        return Optional.of(file.option() + " " + file.given() + " is the "
            + directory.option() + " directory; give each its own path");
      }
      String name = file.real().getFileName().toString();
      if (directory.real().equals(file.real().getParent())
          && CheckpointDirectory.isCheckpointFile(name)) {
        return Optional.of(file.option() + " " + file.given() + " is one of the "
            + directory.option() + " directory's own files; give it another name or place");
      }
      return Optional.empty();
    }
    if (!first.real().equals(second.real()) || first.kind() == Kind.INPUT && second.kind() == Kind.INPUT) {
      return Optional.empty();
    }
    if (first.kind() == Kind.INPUT || second.kind() == Kind.INPUT) {
      Claim input = first.kind() == Kind.INPUT ? first : second;
      Claim output = input == first ? second : first;
      return Optional.of(output.option() + " " + output.given() + " would overwrite the "
          + input.option() + " it reads; give another file");
    }
    return Optional.of(first.option() + " and " + second.option() + " name one file, "
        + first.real() + "; give each its own");
  }

  /**
   * Where {@code path} is, links resolved: the file itself if it exists, else its directory's
   * real path and its name.
   */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      Path parent = absolute.getParent();
      if (parent != null && Files.isDirectory(parent)) {
        return parent.toRealPath().resolve(absolute.getFileName());
      }
    } catch (IOException e) {
      // fall through: compared as written
    }
    return absolute.normalize();
  }
}
