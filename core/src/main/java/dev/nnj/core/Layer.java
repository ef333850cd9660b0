package dev.nnj.core;

import dev.nnj.activations.Activation;

/**
 * One weighted layer {@code l} of a network: weights {@code w^l}, biases {@code b^l} and the
 * activation {@code σ}, so that {@code a^l = σ(w^l a^{l−1} + b^l)}.
 *
 * <p>Storage departs from the book's indexing for speed: the book's {@code w^l} has shape
 * {@code (n_l, n_{l−1})}; here the weights are kept transposed, one row per input, so that the
 * kernels run over whole rows (which the JIT vectorises) and can skip zero inputs. Read them in
 * the book's indexing with {@link #weight(int, int)}.
 *
 * <p>Mutable: training updates the parameters in place. Not thread-safe.
 */
public final class Layer {

  private final int inputs;
  private final int outputs;
  private final Activation activation;
  /** {@code weights[k][j] = w_jk}, the weight from input {@code k} to neuron {@code j}. */
  final double[][] weights;
  final double[] biases;

  Layer(int inputs, int outputs, Activation activation) {
    this.inputs = inputs;
    this.outputs = outputs;
    this.activation = activation;
    this.weights = new double[inputs][outputs];
    this.biases = new double[outputs];
  }

  /** The number of neurons in the previous layer, {@code n_{l−1}}. */
  public int inputs() {
    return inputs;
  }

  /** The number of neurons in this layer, {@code n_l}. */
  public int outputs() {
    return outputs;
  }

  /** This layer's activation function. */
  public Activation activation() {
    return activation;
  }

  /** The book's {@code w_jk}: the weight from neuron {@code k} of the previous layer to neuron {@code j}. */
  public double weight(int j, int k) {
    checkIndex(j, k);
    return weights[k][j];
  }

  /** Sets the book's {@code w_jk}. */
  public void setWeight(int j, int k, double value) {
    checkIndex(j, k);
    weights[k][j] = value;
  }

  /** The bias {@code b_j} of neuron {@code j}. */
  public double bias(int j) {
    return biases[j];
  }

  /** Sets the bias {@code b_j} of neuron {@code j}. */
  public void setBias(int j, double value) {
    biases[j] = value;
  }

  private void checkIndex(int j, int k) {
    if (j < 0 || j >= outputs || k < 0 || k >= inputs) {
      throw new IndexOutOfBoundsException(
          "weight (" + j + ", " + k + ") outside " + outputs + " × " + inputs);
    }
  }
}
