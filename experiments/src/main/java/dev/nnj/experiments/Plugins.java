package dev.nnj.experiments;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Users' own parts, brought in as jars: a plugin is a jar holding Guice modules that bind parts by
 * name (an activation, a cost, a dataset, …), each module listed in its
 * {@code META-INF/services/com.google.inject.Module}, the {@link ServiceLoader} file. The command
 * line loads the jars named by {@code --plugins} and {@code NNJ_PLUGINS}; a program can do the
 * same with {@link #injector(List)}.
 *
 * <p>A plugin's modules are installed beside {@link NnjModule}, so a name already bound fails
 * when the injector is made, as for any binding: a plugin adds names, it does not replace one.
 */
public final class Plugins {

  private Plugins() {}

  /**
   * An injector with every built-in part and the modules of the plugin jars {@code entries}: each
   * a jar, or a directory whose {@code *.jar} files are taken in name order.
   *
   * @throws IllegalArgumentException naming an entry that is neither
   */
  public static Injector injector(List<Path> entries) {
    List<Module> modules = new ArrayList<>();
    modules.add(new NnjModule());
    if (!entries.isEmpty()) {
      modules.addAll(modules(classLoader(entries, Plugins.class.getClassLoader())));
    }
    return Guice.createInjector(modules);
  }

  /** A class loader over the plugin jars {@code entries}, delegating to {@code parent} first. */
  public static ClassLoader classLoader(List<Path> entries, ClassLoader parent) {
    List<URL> jars = new ArrayList<>();
    for (Path entry : entries) {
      for (Path jar : jars(entry)) {
        try {
          jars.add(jar.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("plugin " + jar + ": " + e.getMessage(), e);
        }
      }
    }
    return new URLClassLoader(jars.toArray(new URL[0]), parent);
  }

  /** The Guice modules that {@code loader}'s jars list as services, in the order found. */
  public static List<Module> modules(ClassLoader loader) {
    List<Module> found = new ArrayList<>();
    try {
      ServiceLoader.load(Module.class, loader).forEach(found::add);
    } catch (java.util.ServiceConfigurationError e) {
      throw new IllegalArgumentException("a plugin's module cannot be loaded: " + e.getMessage(), e);
    }
    return found;
  }

  private static List<Path> jars(Path entry) {
    if (Files.isRegularFile(entry)) {
      if (!entry.getFileName().toString().endsWith(".jar")) {
        throw new IllegalArgumentException("plugin " + entry + " is not a .jar file");
      }
      return List.of(entry);
    }
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.list(entry)) {
        return files.filter(file -> file.getFileName().toString().endsWith(".jar")
            && Files.isRegularFile(file)).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list plugin directory " + entry, e);
      }
    }
    throw new IllegalArgumentException(
        "plugin " + entry + ": no such jar or directory");
  }
}
