package dev.nnj.examples;

import com.google.inject.Injector;
import dev.nnj.experiments.Plugins;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins} option shared by every command that names parts: the jars of a user's own
 * parts (see {@link Plugins}), from the option and from {@code NNJ_PLUGINS}.
 */
final class PluginOptions {

  /** The environment variable naming plugin jars or directories, separated like a class path. */
  static final String VARIABLE = "NNJ_PLUGINS";

  @Option(
      names = "--plugins",
      paramLabel = "JAR|DIR",
      split = "${sys:path.separator}",
      description = "Jars of your own parts (Guice modules listed in META-INF/services/"
          + "com.google.inject.Module), or directories of them; added to those in $" + VARIABLE
          + ". Repeatable.")
  List<Path> paths = new ArrayList<>();

  /** The built-in parts and every plugin's. */
  Injector injector() {
    List<Path> entries = new ArrayList<>();
    String variable = System.getenv(VARIABLE);
    if (variable != null && !variable.isBlank()) {
      for (String entry : variable.split(File.pathSeparator)) {
        if (!entry.isBlank()) {
          entries.add(Path.of(entry));
        }
      }
    }
    entries.addAll(paths);
    return Plugins.injector(entries);
  }
}
