package dev.nnj.core.kernels;

import java.util.function.Supplier;

/**
 * Keeps the kernels of one piece of work on its own thread: for work that runs beside other work
 * of its kind, such as the runs of a sweep, each of which has a core of its own and would only
 * take the other's by handing halves to the shared second thread.
 *
 * <p>Results do not change: a kernel computes the same bits on one thread as on two.
 */
public final class KernelThreads {

  private static final ThreadLocal<Boolean> ONE = ThreadLocal.withInitial(() -> false);

  private KernelThreads() {}

  /** Runs {@code work} with every kernel it calls on the calling thread, and returns its result. */
  public static <T> T onOneThread(Supplier<T> work) {
    boolean before = ONE.get();
    ONE.set(true);
    try {
      return work.get();
    } finally {
      ONE.set(before);
    }
  }

  /** Whether the calling thread's kernels are kept to it. */
  static boolean oneHere() {
    return ONE.get();
  }
}
