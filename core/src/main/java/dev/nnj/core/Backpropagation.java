package dev.nnj.core;

import dev.nnj.core.kernels.Matrices;
import dev.nnj.costs.Cost;
import java.util.List;

/**
 * Backpropagation over a whole mini-batch at once (Nielsen, chapter 2, in matrix form).
 *
 * <p>With the mini-batch's examples as the rows of {@code X} and their one-hot targets as the rows
 * of {@code Y}, the four equations of chapter 2 become matrix products:
 *
 * <pre>{@code
 * BP1  Δ^L = ∂C/∂a^L ⊙ σ'(Z^L)
 * BP2  Δ^l = (Δ^{l+1} (w^{l+1})ᵀ-in-our-storage) ⊙ σ'(Z^l)
 * BP3  ∂C/∂b^l = Σ_rows Δ^l
 * BP4  ∂C/∂w^l = (A^{l−1})ᵀ Δ^l
 * }</pre>
 *
 * The gradients are summed over the mini-batch, not averaged; the optimizer divides by its size.
 * The workspace is allocated once for mini-batches of up to {@code capacity} examples.
 */
public final class Backpropagation {

  private final List<Layer> layers;
  private final Cost cost;
  private final ForwardPass forward;
  /** {@code delta[l]}: the error {@code Δ} of layer {@code l + 1}, {@code capacity × n_{l+1}}. */
  private final double[][] delta;
  /** Weight and bias gradients per layer, in {@link Network#parameterSnapshot()}'s order. */
  private final double[][] gradients;

  /** A workspace to compute {@code network}'s gradients under {@code cost}. */
  public Backpropagation(Network network, Cost cost, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.layers = network.layers();
    this.cost = cost;
    this.forward = new ForwardPass(network, capacity);
    this.delta = new double[layers.size()][];
    this.gradients = new double[2 * layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      delta[l] = new double[capacity * layer.outputs()];
      gradients[2 * l] = new double[layer.weights.length];
      gradients[2 * l + 1] = new double[layer.biases.length];
    }
  }

  /**
   * Computes {@code Σ_x ∂C_x/∂w} and {@code Σ_x ∂C_x/∂b} for the {@code rows} examples of
   * {@code x} (one per row) with desired outputs {@code y}, into {@link #gradients()}.
   *
   * @return the summed cost {@code Σ_x C_x} of the batch before the update
   */
  public double computeGradients(double[] x, double[] y, int rows) {
    if (rows < 1 || rows > forward.capacity) {
      throw new IllegalArgumentException("rows must be in [1, " + forward.capacity + "]: " + rows);
    }
    return computeGradients(new Inputs.Dense(x, rows, layers.get(0).inputs()), y);
  }

  /** {@link #computeGradients(double[], double[], int)} for inputs in any storage. */
  double computeGradients(Inputs x, double[] y) {
    int rows = x.rows();
    double[] output = forward.run(x);
    int last = layers.size() - 1;
    Layer outputLayer = layers.get(last);

    // BP1: Δ^L = ∂C/∂a^L ⊙ σ'(z^L)
    cost.outputError(output, y, delta[last], rows, outputLayer.outputs());
    outputLayer.activation().derivative(forward.z[last], output, delta[last], rows, outputLayer.outputs());

    for (int l = last; l >= 0; l--) {
      Layer layer = layers.get(l);
      // BP3 and BP4: the gradients of this layer's biases and weights.
      Matrices.columnSums(delta[l], gradients[2 * l + 1], rows, layer.outputs());
      if (l == 0) {
        x.transposedTimes(delta[0], gradients[0], layer.outputs());
      } else {
        Matrices.transposedTimes(
            forward.a[l], delta[l], gradients[2 * l], rows, layer.inputs(), layer.outputs());
        // BP2: carry the error back through w^l, then through the previous activation.
        Layer previous = layers.get(l - 1);
        Matrices.timesTransposed(
            delta[l], layer.weights, delta[l - 1], rows, layer.inputs(), layer.outputs());
        previous.activation().derivative(
            forward.z[l - 1], forward.a[l], delta[l - 1], rows, previous.outputs());
      }
    }
    return cost.cost(output, y, rows, outputLayer.outputs());
  }

  /**
   * The gradient blocks the last {@link #computeGradients} wrote, layer by layer: weights (in
   * {@link Layer}'s storage order), then biases. Valid until the next call.
   */
  public double[][] gradients() {
    return gradients;
  }
}
