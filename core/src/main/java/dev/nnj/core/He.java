package dev.nnj.core;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * He et al. (2015), <a href="https://arxiv.org/abs/1502.01852">Delving Deep into Rectifiers</a>:
 * weights N(0, 2/n_in), biases 0. For ReLU layers.
 */
public record He() implements Initialization {
  @Override public double weight(RandomGenerator random, int inputs, int outputs) {
    return random.nextGaussian() * Math.sqrt(2.0 / inputs);
  }

  @Override public double bias(RandomGenerator random, int inputs, int outputs) {
    return 0.0;
  }
}
