package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a digest of kernel results in child JVMs, one per thread count and kernel path (the
 * Vector API at the machine's width, at four doubles, plain loops), for tests that all paths
 * give the same bits. The digest's {@code main} prints {@code "<hex> bits=<Tiles.vectorBits()>"}.
 */
final class KernelPaths {

  private KernelPaths() {}

  /**
   * The digests printed by {@code digest} with each of {@code threads} × the three paths, checking
   * that each child ran the path it was asked for.
   */
  static List<String> digests(Class<?> digest, List<String> threads)
      throws IOException, InterruptedException {
    List<String> digests = new ArrayList<>();
    for (String thread : threads) {
      for (String vector : List.of("true", "256", "false")) {
        String out = run(digest, thread, vector);
        String bits = out.substring(out.indexOf(" bits=") + 6);
        switch (vector) {
          case "false" -> assertThat(bits).as("plain loops ran").isEqualTo("0");
          case "256" -> assertThat(bits).as("four doubles a vector").isEqualTo("256");
          default -> assertThat(bits).as("the machine's width").isIn("256", "512");
        }
        digests.add(out.substring(0, out.indexOf(' ')));
      }
    }
    return digests;
  }

  /** {@code hash} continued over the bits of every entry of {@code block}. */
  static long hash(long hash, double[] block) {
    for (double v : block) {
      hash = hash * 31 + Double.doubleToRawLongBits(v);
    }
    return hash;
  }

  private static String run(Class<?> digest, String threads, String vector)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector",
        "-Dnnj.threads=" + threads, "-Dnnj.vector=" + vector,
        "-cp", System.getProperty("java.class.path"), digest.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("child with %s threads, vector %s", threads, vector).isZero();
    return out;
  }
}
