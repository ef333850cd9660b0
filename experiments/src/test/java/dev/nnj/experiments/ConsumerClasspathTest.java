package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A library consumer who depends on nnj-experiments (to read specs, look parts up by name, run
 * experiments) gets none of the command line's libraries: the runtime class path Maven resolves
 * for this module, written by the build into {@code target/runtime-classpath.txt}.
 */
class ConsumerClasspathTest {

  @Test
  void runtimeClasspath_hasNoCommandLineOrTestLibraries() throws IOException {
    List<String> entries = Arrays.asList(
        Files.readString(Path.of("target/runtime-classpath.txt")).strip().split(File.pathSeparator));
    assertThat(entries).anyMatch(entry -> entry.contains("guice"))
        .anyMatch(entry -> entry.contains("jackson-databind"));
    assertThat(entries).noneMatch(entry -> entry.matches(
        ".*(picocli|progressbar|jline|xchart|pdfbox|junit|assertj|jqwik|opentest4j|jmh).*"));
  }
}
