package dev.nnj.core;

import org.apache.commons.math3.random.RandomGenerator;

/** Chapter 3's default ({@code network2.py}): weights N(0, 1/n_in), biases N(0, 1). */
public record NormalOverFanIn() implements Initialization {
  @Override public double weight(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian() / Math.sqrt(inputs);
  }

  @Override public double bias(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian();
  }
}
