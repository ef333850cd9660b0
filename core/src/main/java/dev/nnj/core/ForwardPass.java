package dev.nnj.core;

import dev.nnj.core.kernels.Matrices;
import java.util.List;

/**
 * The feedforward workspace for up to {@code capacity} examples at once: the weighted inputs
 * {@code z^l} and activations {@code a^l} of every layer, kept for backpropagation. Allocated once
 * and reused, so that an epoch allocates nothing.
 */
final class ForwardPass {

  final List<Layer> layers;
  final int capacity;
  /** {@code z[l]}: weighted inputs of layer {@code l + 1}, {@code capacity × n_{l+1}}. */
  final double[][] z;
  /** {@code a[l]}: the activations of layer {@code l}, {@code capacity × n_l}; {@code a[0]} unused (the inputs). */
  final double[][] a;
  /** One row per thread for the kernels to accumulate in. */
  private final double[][] scratch;

  ForwardPass(Network network, int capacity) {
    this.layers = network.layers();
    this.capacity = capacity;
    this.z = new double[layers.size()][];
    this.a = new double[layers.size() + 1][];
    int widest = layers.stream().mapToInt(Layer::outputs).max().orElse(0);
    this.scratch = new double[2][widest];
    for (int l = 0; l < layers.size(); l++) {
      z[l] = new double[capacity * layers.get(l).outputs()];
      a[l + 1] = new double[capacity * layers.get(l).outputs()];
    }
  }

  /**
   * Runs the examples of {@code x} through the network: {@code z^l = a^{l−1} w^l + b^l},
   * {@code a^l = σ(z^l)}. Returns the output block {@code a^L}, valid until the next call.
   */
  double[] run(Inputs x) {
    int rows = x.rows();
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      if (l == 0) {
        x.affine(layer.weights, layer.biases, z[0], layer.outputs(), scratch);
      } else {
        Matrices.affine(a[l], rows, layer.inputs(), layer.weights, layer.biases, z[l],
            layer.outputs(), scratch);
      }
      layer.activation().apply(z[l], a[l + 1], rows, layer.outputs());
    }
    return a[layers.size()];
  }

  /** {@link #run(Inputs)} for {@code rows} dense examples, one per row of {@code x}. */
  double[] run(double[] x, int rows) {
    return run(new Inputs.Dense(x, rows, layers.get(0).inputs()));
  }
}
