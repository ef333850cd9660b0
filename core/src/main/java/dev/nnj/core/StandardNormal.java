package dev.nnj.core;

import org.apache.commons.math3.random.RandomGenerator;

/** Chapter 1: weights and biases N(0, 1). */
public record StandardNormal() implements Initialization {
  @Override public double weight(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian();
  }

  @Override public double bias(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian();
  }
}
