package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import dev.nnj.core.NetworkFile;
import dev.nnj.datasets.DataLocation;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code nnj train --checkpoint DIR} killed with SIGKILL in mid-epoch, then {@code --resume DIR}:
 * only complete files are left, and the resumed run ends with the uninterrupted run's weights.
 * Uses the cached real MNIST, like ChapterOneIT.
 */
class CheckpointIT {

  @TempDir Path directory;

  private final String data = DataLocation.defaultDirectory("mnist").toString();
  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);

  @Test
  void killedRun_resumesToTheUninterruptedWeights() throws Exception {
    Path checkpoints = directory.resolve("checkpoints");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(),
            "train", "--epochs", "3", "--checkpoint", checkpoints.toString(), "--data", data)
        .redirectOutput(directory.resolve("killed.out").toFile())
        .redirectError(directory.resolve("killed.err").toFile())
        .start();
    // The first epoch's files are written after its line is printed: best.json (the first epoch
    // is always the best so far), then epoch-0001.json. Once both are in place and no
    // temporary file is left, the second epoch is running: kill it there.
    Path first = checkpoints.resolve("epoch-0001.json");
    Path best = checkpoints.resolve("best.json");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!(Files.exists(first) && Files.exists(best) && !writing(checkpoints))
        && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(first).as("the first epoch's checkpoint").exists();
    Thread.sleep(100); // into the second epoch, which takes several hundred milliseconds
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();

    try (Stream<Path> files = Files.list(checkpoints)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        assertThat(name).matches("epoch-\\d{4}\\.json|best\\.json|\\.nnj\\.lock");
        if (!name.equals(".nnj.lock")) {
          NetworkFile.read(file, registry.jsonMapper()); // complete: it reads
        }
      }
    }

    assertThat(run("train", "--resume", checkpoints.toString(), "--data", data,
        "--save", directory.resolve("resumed.json").toString())).isZero();
    assertThat(run("train", "--epochs", "3", "--data", data,
        "--save", directory.resolve("straight.json").toString())).isZero();

    assertThat(NetworkFile.read(directory.resolve("resumed.json"), registry.jsonMapper())
            .network().parameterSnapshot())
        .isDeepEqualTo(NetworkFile.read(directory.resolve("straight.json"), registry.jsonMapper())
            .network().parameterSnapshot());
  }

  /** Whether a checkpoint file is being written (its temporary file exists). */
  private static boolean writing(Path directory) throws java.io.IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"));
    }
  }

  private static int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    return commandLine.execute(args);
  }
}
