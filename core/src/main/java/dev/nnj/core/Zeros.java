package dev.nnj.core;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Every weight and bias zero, drawing nothing: {@code network3.py}'s softmax layer, which
 * learns from a zero start because the layers before it break the symmetry.
 */
public record Zeros() implements Initialization {
  @Override public double weight(RandomGenerator random, int inputs, int outputs) {
    return 0.0;
  }

  @Override public double bias(RandomGenerator random, int inputs, int outputs) {
    return 0.0;
  }
}
