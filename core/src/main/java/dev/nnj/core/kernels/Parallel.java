package dev.nnj.core.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits a kernel's independent work in two halves run on two cores, when there is enough of it
 * to pay for the hand-over; otherwise runs it on the calling thread.
 *
 * <p>Kernels split only along outputs that do not share a sum (rows of the result, rows or columns of a
 * gradient), so every number is computed by the same operations in the same order whatever the
 * thread count: results are bit-identical with one thread or two.
 */
final class Parallel {

  /** A part of a kernel's work: the outputs {@code [from, to)}, done as part 0 or 1. */
  @FunctionalInterface
  interface Range {
    void run(int part, int from, int to);
  }

  /**
   * Below this many multiply-adds a second thread costs more than it saves: waking a worker and
   * joining it takes some tens of microseconds, the time of about 10⁵ multiply-adds here.
   */
  static final long MINIMUM_WORK = 300_000;

  /**
   * Whether kernels may use a second thread: when the machine has two cores or more and the
   * system property {@code nnj.threads} (default: the number of cores) is not 1.
   */
  private static final boolean TWO_CORES =
      Integer.getInteger("nnj.threads", Runtime.getRuntime().availableProcessors()) > 1
          && ForkJoinPool.getCommonPoolParallelism() > 0;

  private Parallel() {}

  /** Whether {@code work} multiply-adds over {@code n} outputs are worth a second thread. */
  static boolean worthSplitting(int n, long work) {
    return TWO_CORES && n >= 2 && work >= MINIMUM_WORK;
  }

  /** Runs {@code range} over {@code [0, n)} in two halves at once, the upper on a pool thread. */
  static void split(int n, Range range) {
    int middle = n / 2;
    ForkJoinTask<?> upper = ForkJoinPool.commonPool().submit(() -> range.run(1, middle, n));
    range.run(0, 0, middle);
    upper.join();
  }
}
