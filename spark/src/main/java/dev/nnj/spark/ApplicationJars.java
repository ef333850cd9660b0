package dev.nnj.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a cluster's executors need beside Spark's own: nnj's modules and what they use that a
 * Spark distribution lacks (Guice and its AOP alliance), found on this JVM's class path. A class
 * directory there (a build's {@code target/classes}) is packed into a jar first, since Spark ships
 * only files.
 */
final class ApplicationJars {

  /** Jar names (before the version) that executors lack. */
  private static final List<String> SHIPPED = List.of("nnj-", "guice-", "aopalliance-");

  private ApplicationJars() {}

  /** Paths or URLs for {@code spark.jars}. */
  static List<String> forExecutors() {
    List<String> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName() == null ? "" : path.getFileName().toString();
      if (Files.isDirectory(path) && Files.exists(path.resolve("dev/nnj"))) {
        jars.add(packed(path).toString());
      } else if (name.endsWith(".jar") && SHIPPED.stream().anyMatch(name::startsWith)) {
        jars.add(path.toAbsolutePath().toString());
      }
    }
    return jars;
  }

  /** {@code directory}'s files as a jar in a temporary file, deleted when this JVM ends. */
  private static Path packed(Path directory) {
    try {
      Path jar = Files.createTempFile("nnj-classes-", ".jar");
      jar.toFile().deleteOnExit();
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file);
          Stream<Path> walk = Files.walk(directory)) {
        for (Path each : walk.filter(Files::isRegularFile).sorted().toList()) {
          out.putNextEntry(new JarEntry(directory.relativize(each).toString().replace('\\', '/')));
          Files.copy(each, out);
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + directory + " for the executors: "
          + e.getMessage(), e);
    }
  }
}
