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

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};
}
