package dev.nnj.core;

/**
 * Receives training events. The library prints nothing itself: a command line, a progress bar or
 * a log chooses how to show these. Called on the training thread; keep the work short.
 */
public interface TrainingListener {

  /** Called after every mini-batch: {@code examplesDone} of {@code examplesTotal} in this epoch. */
  default void batchFinished(int epoch, int examplesDone, int examplesTotal) {}

  /** Called after every epoch, with its figures. */
  default void epochFinished(EpochResult result) {}

  /**
   * Asked after every mini-batch: {@code true} stops training there. The trainer then hands a
   * mid-epoch checkpoint to its sink, if it has one, and throws {@link TrainingStoppedException}.
   * Ctrl-C on the command line works this way. May be called from the training thread only.
   */
  default boolean stopRequested() {
    return false;
  }

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};
}
