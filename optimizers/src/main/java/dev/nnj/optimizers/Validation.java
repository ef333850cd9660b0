package dev.nnj.optimizers;

/**
 * The range checks the optimizers' compact constructors and steps share, each with a message that
 * names the value and shows it, such as {@code "momentum must be in [0, 1): 1.0"}.
 *
 * <p>Every check is written so that NaN fails it.
 */
final class Validation {

  private Validation() {}

  /** A step size or {@code ε}: {@code 0 < value < ∞}. */
  static void requirePositive(String name, double value) {
    if (!(value > 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite: " + value);
    }
  }

  /** A weight decay {@code λ}: {@code 0 ≤ value < ∞}; zero turns the decay off. */
  static void requireNonNegative(String name, double value) {
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite: " + value);
    }
  }

  /**
   * A decay rate ({@code μ, ρ, β₁, β₂}): the fraction of the old average kept each step,
   * {@code 0 ≤ value < 1}. At 1 the average never learns from a gradient (and Adam's bias
   * correction divides by zero).
   */
  static void requireFraction(String name, double value) {
    if (!(value >= 0.0 && value < 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1): " + value);
    }
  }

  /** The number of examples {@code m} a step's gradients were summed over. */
  static void requireBatchSize(int batchSize) {
    if (batchSize < 1) {
      // 0 would silently turn every parameter into NaN or infinity; a negative size would ascend.
      throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    }
  }

  /** One zeroed array per parameter block: the starting value of every per-parameter average. */
  static double[][] zeros(int[] blockLengths) {
    double[][] blocks = new double[blockLengths.length][];
    for (int block = 0; block < blockLengths.length; block++) {
      blocks[block] = new double[blockLengths[block]];
    }
    return blocks;
  }

  /** Deep copies of {@code blocks}. */
  static double[][] copies(double[][] blocks) {
    double[][] copy = new double[blocks.length][];
    for (int b = 0; b < blocks.length; b++) {
      copy[b] = blocks[b].clone();
    }
    return copy;
  }

  /** Copies {@code saved[offset ..]} into {@code into}, refusing blocks of other lengths. */
  static void restore(double[][] saved, int offset, double[][] into) {
    if (saved.length - offset < into.length) {
      throw new IllegalArgumentException("the checkpoint holds " + saved.length
          + " state blocks; this optimizer needs " + (offset + into.length));
    }
    for (int b = 0; b < into.length; b++) {
      if (saved[offset + b].length != into[b].length) {
        throw new IllegalArgumentException("state block " + (offset + b) + " has "
            + saved[offset + b].length + " numbers; the parameters need " + into[b].length);
      }
      System.arraycopy(saved[offset + b], 0, into[b], 0, into[b].length);
    }
  }
}
