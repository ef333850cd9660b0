package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nnj.datasets.DataLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own activation as a plugin jar, built here from the consumer project's Swish sources
 * ({@code consumer-it}) as a user would build it: {@code nnj train SPEC --plugins JAR} trains with it on the real MNIST and saves, and
 * {@code nnj eval FILE --plugins JAR} reads the file; without the jar both say which name is
 * unknown and how to add plugins.
 */
class PluginIT extends CommandLineHarness {

  /** The consumer project's own Swish and its module: one plugin's sources, used twice. */
  private static final Path SOURCES =
      Path.of("../consumer-it/src/it/consumer/src/main/java/org/example/swish");

  @TempDir static Path work;
  private static Path jar;
  private static Path spec;

  @BeforeAll
  static void buildThePlugin() throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"),
        SOURCES.resolve("Swish.java").toString(), SOURCES.resolve("SwishModule.java").toString());
    assertThat(compiled).as("javac exit code").isZero();

    jar = work.resolve("plugins/swish.jar");
    Files.createDirectories(jar.getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry("META-INF/services/com.google.inject.Module"));
      out.write("org.example.swish.SwishModule\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }

    spec = work.resolve("swish.json");
    Files.writeString(spec, """
        {"sizes": [784, 30, 10],
         "activations": [{"type": "swish"}, {"type": "sigmoid"}],
         "optimizer": {"type": "sgd", "learningRate": 1.0},
         "initialization": {"type": "normal-over-fan-in"},
         "epochs": 1}
        """);
  }

  private static String mnist() {
    return DataLocation.defaultDirectory("mnist").toString();
  }

  @Test
  void trainWithThePlugin_trainsSavesAndEvalReadsTheFile() {
    Path saved = work.resolve("swish-net.json");
    assertThat(run("train", spec.toString(), "--plugins", jar.toString(),
        "--save", saved.toString(), "--data", mnist())).as(err.toString()).isZero();
    Matcher epoch = Pattern.compile("Epoch 0: (\\d+) / 10000").matcher(out.toString());
    assertThat(epoch.find()).as(out.toString()).isTrue();
    // One epoch of a [784, 30, 10] network: a working swish layer is far above chance (1,000).
    assertThat(Integer.parseInt(epoch.group(1))).isGreaterThan(8_000);
    assertThat(saved).content().contains("\"type\" : \"swish\"");

    out.getBuffer().setLength(0);
    // A directory of plugin jars works as well as the jar.
    assertThat(run("eval", saved.toString(), "--plugins", jar.getParent().toString(),
        "--data", mnist())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Test accuracy: " + epoch.group(1) + " / 10000");

    err.getBuffer().setLength(0);
    assertThat(run("eval", saved.toString(), "--data", mnist())).isEqualTo(1);
    assertThat(oneErrorLine()).contains("unknown activation 'swish'")
        .endsWith("; parts of your own load with --plugins JAR|DIR or $NNJ_PLUGINS");
  }

  @Test
  void withoutThePlugin_theUnknownNameAndHowToAddPluginsAreOneLine() {
    assertThat(run("train", spec.toString(), "--data", mnist())).isEqualTo(1);
    assertThat(oneErrorLine()).contains("unknown activation 'swish'; known: elu, identity,")
        .endsWith("; parts of your own load with --plugins JAR|DIR or $NNJ_PLUGINS");
  }

  @Test
  void aMissingPluginPath_isOneLine() {
    assertThat(run("train", spec.toString(), "--plugins", work.resolve("nope.jar").toString(),
        "--data", mnist())).isEqualTo(1);
    assertThat(oneErrorLine()).isEqualTo(
        "nnj: error: plugin " + work.resolve("nope.jar") + ": no such jar or directory");
  }
}
