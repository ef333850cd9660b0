package dev.nnj.core;

import dev.nnj.core.kernels.Matrices;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The feedforward workspace for up to {@code capacity} examples at once: the weighted inputs
 * {@code z^l} and activations {@code a^l} of every layer, kept for backpropagation. Allocated once
 * and reused, so that an epoch allocates nothing.
 *
 * <p>In training with dropout (Srivastava et al. 2014), each hidden neuron is kept with
 * probability {@code 1 − p} and the kept ones are scaled by {@code 1/(1 − p)} ("inverted"
 * dropout), so evaluation uses the full network unscaled.
 */
final class ForwardPass {

  final List<Layer> layers;
  final int capacity;
  /** {@code z[l]}: weighted inputs of layer {@code l + 1}, {@code capacity × n_{l+1}}. */
  final double[][] z;
  /** {@code a[l]}: the activations of layer {@code l}, {@code capacity × n_l}; {@code a[0]} unused (the inputs). */
  final double[][] a;
  /**
   * {@code input[l]}: what layer {@code l + 1} reads from layer {@code l ≥ 1}: {@code a[l]}
   * itself, or with dropout its masked copy.
   */
  final double[][] input;
  /** {@code keep[l]}: per hidden neuron and example, 0 if dropped else {@code 1/(1 − p)}. */
  final double[][] keep;
  /** {@code masked[l] = a[l] ⊙ keep[l]}, allocated on first use of dropout. */
  private final double[][] masked;
  /** One row per thread for the kernels to accumulate in. */
  private final double[][] scratch;
  /** Whether the last run dropped neurons. */
  boolean dropped;

  ForwardPass(Network network, int capacity) {
    this.layers = network.layers();
    this.capacity = capacity;
    int depth = layers.size();
    this.z = new double[depth][];
    this.a = new double[depth + 1][];
    this.input = new double[depth + 1][];
    this.keep = new double[depth + 1][];
    this.masked = new double[depth + 1][];
    for (int l = 0; l < depth; l++) {
      z[l] = new double[capacity * layers.get(l).outputs()];
      a[l + 1] = new double[capacity * layers.get(l).outputs()];
      input[l + 1] = a[l + 1];
    }
    int widest = layers.stream().mapToInt(Layer::outputs).max().orElse(0);
    this.scratch = new double[2][widest];
  }

  /**
   * Runs the examples of {@code x} through the network: {@code z^l = a^{l−1} w^l + b^l},
   * {@code a^l = σ(z^l)}. Returns the output block {@code a^L}, valid until the next call.
   */
  double[] run(Inputs x) {
    return run(x, 0.0, null);
  }

  /** {@link #run(Inputs)} for {@code rows} dense examples, one per row of {@code x}. */
  double[] run(double[] x, int rows) {
    return run(new Inputs.Dense(x, rows, layers.get(0).inputs()));
  }

  /**
   * {@link #run(Inputs)} in training: with probability {@code dropout} each hidden neuron of each
   * example is dropped, drawn from {@code random}.
   */
  double[] run(Inputs x, double dropout, RandomGenerator random) {
    int rows = x.rows();
    int depth = layers.size();
    dropped = dropout > 0.0;
    for (int l = 0; l < depth; l++) {
      Layer layer = layers.get(l);
      if (l == 0) {
        x.affine(layer.weights, layer.biases, z[0], layer.outputs(), scratch);
      } else {
        Matrices.affine(input[l], rows, layer.inputs(), layer.weights, layer.biases, z[l],
            layer.outputs(), scratch);
      }
      layer.activation().apply(z[l], a[l + 1], rows, layer.outputs());
      boolean hidden = l + 1 < depth;
      input[l + 1] = a[l + 1];
      if (dropped && hidden) {
        drop(l + 1, rows * layer.outputs(), dropout, random);
      }
    }
    return a[depth];
  }

  private void drop(int l, int count, double dropout, RandomGenerator random) {
    if (keep[l] == null) {
      keep[l] = new double[a[l].length];
      masked[l] = new double[a[l].length];
    }
    double[] mask = keep[l];
    double[] out = masked[l];
    double scale = 1.0 / (1.0 - dropout);
    for (int i = 0; i < count; i++) {
      mask[i] = random.nextDouble() < dropout ? 0.0 : scale;
      out[i] = a[l][i] * mask[i];
    }
    input[l] = out;
  }
}
