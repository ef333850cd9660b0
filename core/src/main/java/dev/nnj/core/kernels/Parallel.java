package dev.nnj.core.kernels;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a kernel's independent work in two halves run on two cores, when there is enough of it
 * to pay for the hand-over; otherwise runs it on the calling thread.
 *
 * <p>Kernels split only along outputs that do not share a sum (rows of the result, rows or columns of a
 * gradient), so every number is computed by the same operations in the same order whatever the
 * thread count: results are bit-identical with one thread or two.
 *
 * <p>The upper half runs on one worker thread that, after each half, waits for the next by
 * spinning for a while before it sleeps, as OpenMP's runtimes do: a mini-batch runs a dozen
 * kernels of some tens of microseconds each, and waking a sleeping pool thread for each (as
 * {@code ForkJoinPool} does) took a good part of what the halves saved: with the worker, an
 * epoch of [784, 100, 10] at m = 100 ran in 178 ms rather than 251 (issue 14).
 * A caller that finds the worker busy (another thread's kernel, or the worker itself) runs both
 * halves itself: the same results, since the halves do not depend on who runs them.
 */
final class Parallel {

  /** A part of a kernel's work: the outputs {@code [from, to)}, done as part 0 or 1. */
  @FunctionalInterface
  interface Range {
    void run(int part, int from, int to);
  }

  /**
   * Below this many multiply-adds a second thread costs more than it saves. Handing a half to the
   * spinning worker takes a microsecond or two, but the half then runs on a core whose cache does
   * not hold the weights that the optimizer just wrote on this one: with thresholds of 3·10⁴ and
   * 10⁵, mini-batches of ten ran 1.1–2.3× slower (measured, issue 14); 3·10⁵, the value for the
   * pool before the worker, splits the kernels of larger batches and none of the smallest.
   */
  static final long MINIMUM_WORK = 300_000;

  /**
   * Whether kernels may use a second thread: when the machine has two cores or more and the
   * system property {@code nnj.threads} (default: the number of cores) is not 1.
   */
  private static final boolean TWO_CORES =
      Integer.getInteger("nnj.threads", Runtime.getRuntime().availableProcessors()) > 1;

  private static final Worker WORKER = TWO_CORES ? new Worker() : null;

  private Parallel() {}

  /** Whether {@code work} multiply-adds over {@code n} outputs are worth a second thread. */
  static boolean worthSplitting(int n, long work) {
    return TWO_CORES && n >= 2 && work >= MINIMUM_WORK && !KernelThreads.oneHere();
  }

  /** Runs {@code range} over {@code [0, n)} in two halves at once, the upper on the worker. */
  static void split(int n, Range range) {
    split(n, n / 2, range);
  }

  /**
   * Runs {@code range} over {@code [0, middle)} and {@code [middle, n)} at once, the upper part on
   * the worker: for work that is not spread evenly over the outputs.
   */
  static void split(int n, int middle, Range range) {
    if (WORKER == null || KernelThreads.oneHere() || !WORKER.take()) {
      range.run(0, 0, middle);
      range.run(1, middle, n);
      return;
    }
    WORKER.start(() -> range.run(1, middle, n));
    Throwable failure = null;
    try {
      range.run(0, 0, middle);
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    Throwable upper = WORKER.join();
    if (failure == null) {
      failure = upper;
    } else if (upper != null) {
      failure.addSuppressed(upper);
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    } else if (failure instanceof Error error) {
      throw error;
    }
  }

  /** The second thread: runs one half at a time, handed over through volatile fields. */
  private static final class Worker implements Runnable {
    /** How long the worker spins for the next half before it sleeps: 0.2 ms. */
    private static final long SPIN_NANOS = 200_000;

    private final Thread thread;
    /** Held by the caller whose half the worker runs, from {@link #take} to {@link #join}. */
    private final AtomicBoolean owned = new AtomicBoolean();
    private volatile Runnable task;
    private volatile boolean done;
    private volatile boolean sleeping;
    private Throwable failure;

    Worker() {
      thread = new Thread(this, "nnj-kernels");
      thread.setDaemon(true);
      thread.start();
    }

    /** Claims the worker for one half; false if it is busy or the caller is the worker itself. */
    boolean take() {
      return Thread.currentThread() != thread && owned.compareAndSet(false, true);
    }

    void start(Runnable half) {
      done = false;
      task = half;
      if (sleeping) {
        LockSupport.unpark(thread);
      }
    }

    /** Waits for the half to finish, releases the worker and returns what the half threw. */
    Throwable join() {
      while (!done) {
        Thread.onSpinWait();
      }
      Throwable thrown = failure;
      failure = null;
      owned.set(false);
      return thrown;
    }

    @Override
    public void run() {
      while (true) {
        Runnable half = waitForTask();
        task = null;
        try {
          half.run();
        } catch (RuntimeException | Error e) {
          failure = e;
        }
        done = true;
      }
    }

    private Runnable waitForTask() {
      long spinningSince = System.nanoTime();
      while (true) {
        Runnable half = task;
        if (half != null) {
          return half;
        }
        if (System.nanoTime() - spinningSince < SPIN_NANOS) {
          Thread.onSpinWait();
          continue;
        }
        sleeping = true;
        if (task == null) {
          LockSupport.park(this);
        }
        sleeping = false;
        spinningSince = System.nanoTime();
      }
    }
  }
}
