package dev.nnj.core;

/**
 * Training stopped because the network's parameters stopped being finite numbers: the updates
 * overshot until they overflowed. The message names the epoch and the likely cause.
 */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int epoch;

  TrainingDivergedException(int epoch, double learningRate) {
    super("training diverged in epoch " + epoch + ": the weights are no longer finite numbers; "
        + "the learning rate (" + learningRate + ") is probably too high");
    this.epoch = epoch;
  }

  /** The epoch in which the parameters became NaN or infinite. */
  public int epoch() {
    return epoch;
  }
}
