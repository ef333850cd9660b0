package dev.nnj.core;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The feedforward workspace for up to {@code capacity} examples at once: one
 * {@link BuiltLayer.Pass} per layer, keeping what backpropagation needs. Allocated once and
 * reused, so that an epoch allocates nothing.
 *
 * <p>A dense first layer reads the inputs in their own storage (sparse for MNIST, whose kernels
 * skip the zero pixels); any other first layer gets them as dense rows.
 */
final class ForwardPass {

  final int capacity;
  final BuiltLayer.Pass[] passes;
  /** The first layer's pass when it is dense, which reads {@link Inputs} directly; else null. */
  final DensePass denseFirst;
  /** {@code output[l]}: what layer {@code l} gave in the last run, the input of layer {@code l + 1}. */
  final double[][] output;
  /** The inputs as dense rows, for a first layer that is not dense; else null. */
  final double[] denseInput;

  ForwardPass(Network network, int capacity) {
    List<BuiltLayer> layers = network.layers();
    this.capacity = capacity;
    this.passes = new BuiltLayer.Pass[layers.size()];
    for (int l = 0; l < passes.length; l++) {
      passes[l] = layers.get(l).pass(capacity);
    }
    this.denseFirst = passes[0] instanceof DensePass dense ? dense : null;
    this.output = new double[layers.size()][];
    this.denseInput = denseFirst != null ? null
        : new double[capacity * layers.get(0).inputShape().size()];
  }

  /** Runs the examples of {@code x} through the network in inference; returns the output block. */
  double[] run(Inputs x) {
    return run(x, false, null);
  }

  /**
   * Runs the examples of {@code x} through every layer, in training (drawing dropout masks and the
   * like from {@code random}) or in inference. Returns the last layer's output block, valid until
   * the next call.
   */
  double[] run(Inputs x, boolean training, RandomGenerator random) {
    int rows = x.rows();
    if (denseFirst != null) {
      output[0] = denseFirst.forward(x);
    } else {
      x.copyTo(denseInput);
      output[0] = passes[0].forward(denseInput, rows, training, random);
    }
    for (int l = 1; l < passes.length; l++) {
      output[l] = passes[l].forward(output[l - 1], rows, training, random);
    }
    return output[passes.length - 1];
  }
}
