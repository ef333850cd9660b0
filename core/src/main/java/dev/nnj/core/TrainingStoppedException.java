package dev.nnj.core;

/**
 * Training stopped in mid-epoch because its listener asked it to; the checkpoint handed to the
 * sink, if any, lets a later run continue from that mini-batch.
 */
public final class TrainingStoppedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TrainingStoppedException(int epoch, int batchesDone, int batches) {
    super("training stopped in epoch " + epoch + " after " + batchesDone + " of " + batches
        + " mini-batches");
  }
}
