package dev.nnj.core;

/**
 * Stops training when the accuracy on the evaluation data has not improved for
 * {@code patience} epochs (chapter 3's "no improvement in n epochs"), and optionally puts back the
 * weights of the best epoch.
 *
 * @param patience epochs without improvement before stopping; 0 never stops early
 * @param restoreBest whether the network ends with the weights of its best evaluation epoch
 */
public record EarlyStopping(int patience, boolean restoreBest) {

  /** Never stops early, keeps the last weights. */
  public static final EarlyStopping NEVER = new EarlyStopping(0, false);

  /** Validates. */
  public EarlyStopping {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be >= 0: " + patience);
    }
  }
}
