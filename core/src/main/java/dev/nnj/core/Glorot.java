package dev.nnj.core;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Glorot and Bengio (2010), <a href="https://proceedings.mlr.press/v9/glorot10a.html">Understanding
 * the difficulty of training deep feedforward neural networks</a>, normal form: weights
 * N(0, 2/(n_in + n_out)), biases 0. For tanh and sigmoid layers.
 */
public record Glorot() implements Initialization {
  @Override public double weight(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian() * Math.sqrt(2.0 / (inputs + outputs));
  }

  @Override public double bias(RandomGenerator random, int inputs, int outputs) {
    return 0.0;
  }
}
