package dev.nnj.core;

/**
 * How a network does on a data set: its mean cost and how many examples it classifies correctly.
 *
 * @param meanCost {@code (1/n) Σ_x C_x}, NaN when not measured
 * @param correct examples whose label is the network's prediction
 * @param total the number of examples
 */
public record Measurement(double meanCost, int correct, int total) {

  /** The fraction classified correctly. */
  public double accuracy() {
    return total == 0 ? Double.NaN : (double) correct / total;
  }
}
