package dev.nnj.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flags ./nnj gives a driver (spark/jvm.flags) are the ones this module's tests run with. */
class SparkJvmFlagsTest {

  @Test
  void launcherAndBuild_giveTheSameFlags() throws IOException {
    List<String> listed = Files.readAllLines(Path.of("jvm.flags")).stream()
        .filter(line -> !line.isBlank()).toList();
    assertThat(listed).isNotEmpty();
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(listed);
    assertThat(Files.readString(Path.of("..", "nnj"))).contains("spark/jvm.flags");
  }
}
