package dev.nnj.core;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Chapter 6's initialisation ({@code network3.py}): weights N(0, 1/n_out), biases N(0, 1). For a
 * dense layer {@code n_out} is its number of outputs; for a convolution {@code network3.py}
 * takes {@code filters · kernel² / poolArea}, the fan-out of one input value after the pooling
 * that follows — give that layer its own {@code {"type": "normal-over-fan-out", "poolArea": 4}}
 * for a 2 × 2 pool.
 *
 * @param poolArea the area of the pooling window after the layer, 1 for none; ≥ 1
 */
public record NormalOverFanOut(double poolArea) implements Initialization {

  /** Refuses a pool area below one. */
  public NormalOverFanOut {
    if (!(poolArea >= 1)) {
      throw new IllegalArgumentException("poolArea must be >= 1: " + poolArea);
    }
  }

  /** For a layer with no pooling after it. */
  public NormalOverFanOut() {
    this(1);
  }

  @Override public double weight(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian() / Math.sqrt(outputs / poolArea);
  }

  @Override public double bias(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian();
  }
}
