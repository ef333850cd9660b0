package dev.nnj.core;

import java.util.Objects;

/**
 * What training needs, beyond the network's own weights, to continue after an epoch exactly as
 * if it had never stopped: the epochs' figures so far, the optimizer's accumulated state and the
 * best epoch's weights.
 *
 * <p>The random streams (shuffles, dropout) and the schedule are not stored: resuming replays them
 * from the seed and the history, which gives the same numbers with nothing to keep in step.
 *
 * @param history the figures of the epochs done; its size is the number of epochs done
 * @param optimizerState what {@code OptimizerState.save()} returned after the last epoch
 * @param best the parameters of the best evaluation epoch so far, in
 *     {@link Network#parameterSnapshot()}'s order; the current ones if none was measured
 * @param batchesDone mini-batches of the next epoch already trained: 0 at the end of an epoch,
 *     more when training was stopped in mid-epoch
 */
public record Checkpoint(History history, double[][] optimizerState, double[][] best, int batchesDone) {

  /** Validates. */
  public Checkpoint {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(optimizerState, "optimizerState");
    Objects.requireNonNull(best, "best");
    if (batchesDone < 0) {
      throw new IllegalArgumentException("batchesDone must be >= 0: " + batchesDone);
    }
  }

  /** A checkpoint at the end of an epoch. */
  public Checkpoint(History history, double[][] optimizerState, double[][] best) {
    this(history, optimizerState, best, 0);
  }

  /** The number of whole epochs done. */
  public int epochsDone() {
    return history.epochs().size();
  }

  /** Receives a checkpoint after every epoch, with the network it belongs to. */
  @FunctionalInterface
  public interface Sink {
    void epochSaved(Network network, Checkpoint checkpoint);
  }
}
