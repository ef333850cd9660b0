package dev.nnj.optimizers;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntUnaryOperator;

/**
 * Runs an update rule's loop over the parameter blocks in two parts on two cores, when there are
 * enough parameters to pay for the hand-over; otherwise on the calling thread.
 *
 * <p>For rules whose every parameter is updated from its own numbers alone (Adam: its gradient,
 * its two moments), so that the split changes no result: each parameter goes through the same
 * operations whatever the thread count. Adam's step, with its divisions and square root for every
 * parameter, took a fifth of a [784, 800, 10] epoch on one thread (measured, issue 14).
 *
 * <p>The same rule as core's kernels (this module does not depend on core): a second thread where
 * the machine has two cores or more and the system property {@code nnj.threads} is not 1.
 */
final class BlockSplit {

  /** The blocks {@code [from, to)} of the parameters. */
  @FunctionalInterface
  interface Blocks {
    void update(int from, int to);
  }

  /** Below this many parameters a second thread costs more than it saves (some tens of µs). */
  static final long MINIMUM_PARAMETERS = 1 << 16;

  private static final boolean TWO_CORES =
      Integer.getInteger("nnj.threads", Runtime.getRuntime().availableProcessors()) > 1
          && ForkJoinPool.getCommonPoolParallelism() > 0;

  private BlockSplit() {}

  /** Runs {@code blocks} over all of {@code parameters}' blocks, in two parts of about equal size. */
  static void run(double[][] parameters, Blocks blocks) {
    run(parameters.length, b -> parameters[b].length, blocks);
  }

  /** {@link #run(double[][], Blocks)} for blocks in single precision. */
  static void run(float[][] parameters, Blocks blocks) {
    run(parameters.length, b -> parameters[b].length, blocks);
  }

  private static void run(int count, IntUnaryOperator length, Blocks blocks) {
    long total = 0;
    for (int b = 0; b < count; b++) {
      total += length.applyAsInt(b);
    }
    if (!TWO_CORES || count < 2 || total < MINIMUM_PARAMETERS) {
      blocks.update(0, count);
      return;
    }
    int middle = 0;
    long lower = 0;
    while (middle < count - 1 && 2 * (lower + length.applyAsInt(middle)) <= total) {
      lower += length.applyAsInt(middle);
      middle++;
    }
    int split = Math.max(1, middle);
    ForkJoinTask<?> upper = ForkJoinPool.commonPool().submit(() -> blocks.update(split, count));
    blocks.update(0, split);
    upper.join();
  }
}
