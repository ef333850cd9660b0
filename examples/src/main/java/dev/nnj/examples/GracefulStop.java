package dev.nnj.examples;

import dev.nnj.core.EpochResult;
import dev.nnj.core.TrainingListener;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a checkpointed run: the JVM's shutdown hook asks training to stop after its
 * current mini-batch and waits until the checkpoint of that moment is written and reported, so
 * that the process exits cleanly and the run can be resumed from exactly there.
 */
final class GracefulStop implements AutoCloseable {

  /** How long the hook waits for the training thread to reach the end of its mini-batch. */
  private static final long PATIENCE_SECONDS = 60;

  private final CountDownLatch reported = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;
  private volatile boolean training;

  GracefulStop() {
    this.hook = new Thread(() -> {
      requested = true;
      if (training) {
        try {
          reported.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "nnj-graceful-stop");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** {@code listener}, asking training to stop once Ctrl-C was pressed. */
  TrainingListener around(TrainingListener listener) {
    return new TrainingListener() {
      @Override
      public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
        training = true;
        listener.batchFinished(epoch, examplesDone, examplesTotal);
      }

      @Override
      public void epochFinished(EpochResult result) {
        listener.epochFinished(result);
      }

      @Override
      public boolean stopRequested() {
        return requested || listener.stopRequested();
      }
    };
  }

  /** Training has stopped and said so: the shutdown may go on. */
  void reported() {
    reported.countDown();
  }

  /** Training ended normally: no hook is needed any more. */
  @Override
  public void close() {
    reported.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already shutting down; the hook runs, finds nothing to wait for, and ends.
    }
  }
}
