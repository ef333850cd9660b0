package dev.nnj.core;

import dev.nnj.costs.Cost;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Backpropagation over a whole mini-batch at once (Nielsen, chapter 2, in matrix form), through
 * any stack of layers.
 *
 * <p>The cost gives {@code ∂C/∂a^L} (or, paired with its output activation, {@code Δ^L} itself);
 * each layer, last first, turns the gradient with respect to its output into its parameter
 * gradients and the gradient with respect to its input, the previous layer's output. For dense
 * layers these are chapter 2's four equations:
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

  private final List<BuiltLayer> layers;
  private final Cost cost;
  private final ForwardPass forward;
  /**
   * {@code outputGradient[l]}: {@code ∂C/∂output} of layer {@code l}, {@code capacity × its
   * output size}; the last is the cost's, each other the next layer's gradient of its input.
   */
  private final double[][] outputGradient;
  /** Every layer's gradient blocks in {@link Network#parameterSnapshot()}'s order. */
  private final Blocks gradients;
  /** How many gradient blocks the first layer has: with sparse inputs some stay zero. */
  private final int firstLayerBlocks;
  /** The indices of the blocks of {@link #gradients} that may be non-zero after the last call. */
  private final int[] nonZeroBlocks;
  /** The output layer's size per example. */
  private final int outputs;
  private int nonZeroBlockCount;
  /** The inputs of the last call: the first layer's gradient rows stay valid only for them. */
  private Inputs lastInputs;

  /** A workspace to compute {@code network}'s gradients under {@code cost}. */
  public Backpropagation(Network network, Cost cost, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.layers = network.layers();
    this.cost = cost;
    int last = layers.size() - 1;
    boolean costGivesOutputError = checkPairing(cost, layers.get(last).layer());
    this.forward = new ForwardPass(network, capacity);
    if (costGivesOutputError) {
      ((DensePass) forward.passes[last]).givenDelta();
    }
    this.outputGradient = new double[layers.size()][];
    for (int l = 0; l < layers.size(); l++) {
      outputGradient[l] = new double[capacity * layers.get(l).outputShape().size()];
    }
    this.gradients = Blocks.gradientsOf(forward.passes);
    this.firstLayerBlocks = Blocks.count(forward.passes[0]);
    this.nonZeroBlocks = new int[gradients.count()];
    this.outputs = layers.get(last).outputShape().size();
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
    return computeGradients(new Inputs.Dense(x, rows, layers.get(0).inputShape().size()), y);
  }

  /** {@link #computeGradients(double[], double[], int)} for inputs in any storage, in inference mode. */
  double computeGradients(Inputs x, double[] y) {
    return computeGradients(x, y, false, null);
  }

  /**
   * {@link #computeGradients(Inputs, double[])} in training mode ({@code training} true): layers
   * such as dropout draw their masks from {@code random}.
   */
  double computeGradients(Inputs x, double[] y, boolean training, RandomGenerator random) {
    int rows = x.rows();
    DensePass denseFirst = forward.denseFirst;
    if (x != lastInputs && denseFirst != null) {
      // Sparse inputs clear only the rows they touched before; start from zero for new ones.
      denseFirst.clearWeightGradients();
    }
    lastInputs = x;
    double[] output = forward.run(x, training, random);
    int last = layers.size() - 1;

    // BP1's ∂C/∂a^L, or the cost's own Δ^L for its paired activation.
    cost.outputError(output, y, outputGradient[last], rows, outputs);
    for (int l = last; l >= 1; l--) {
      forward.passes[l].backward(forward.output[l - 1], outputGradient[l], outputGradient[l - 1],
          rows);
    }
    if (denseFirst != null) {
      denseFirst.backward(x, outputGradient[0]);
      // The first layer's weight rows are the first blocks; all later blocks may be non-zero.
      nonZeroBlockCount = x.gradientRows(nonZeroBlocks);
      nonZeroBlocks[nonZeroBlockCount++] = firstLayerBlocks - 1; // its biases
    } else {
      forward.passes[0].backward(forward.denseInput, outputGradient[0], null, rows);
      nonZeroBlockCount = 0;
      for (int b = 0; b < firstLayerBlocks; b++) {
        nonZeroBlocks[nonZeroBlockCount++] = b;
      }
    }
    for (int b = firstLayerBlocks; b < gradients.count(); b++) {
      nonZeroBlocks[nonZeroBlockCount++] = b;
    }
    return cost.cost(output, y, rows, outputs);
  }

  /**
   * The gradient blocks the last {@link #computeGradients} wrote, in the order of
   * {@link Network#parameterSnapshot()}: each layer's weight rows, then its biases. Valid until
   * the next call. Empty for a network in single precision: see {@link #floatGradients()}.
   */
  public double[][] gradients() {
    return gradients.doubles();
  }

  /** {@link #gradients()} of a network in single precision; empty for one in double. */
  public float[][] floatGradients() {
    return gradients.floats();
  }

  /** The gradient blocks in the network's precision. */
  Blocks gradientBlocks() {
    return gradients;
  }

  /**
   * Says that the caller wrote into {@link #gradients()} (a regularisation term, added to every
   * weight row): the next {@link #computeGradients} then starts the first layer's weight gradient
   * from zero everywhere. Without it, sparse inputs clear only the rows their previous batch wrote,
   * and the rows of inputs blank in the next batch would keep what the caller added.
   */
  void gradientsChanged() {
    lastInputs = null;
  }

  /**
   * The indices into {@link #gradients()} of the blocks that the last {@link #computeGradients}
   * may have made non-zero, in its first {@link #nonZeroBlockCount()} entries; every other block
   * is zero. With sparse inputs, the first layer's rows for inputs that are zero in the whole
   * mini-batch are left out. Valid until the next call.
   */
  int[] nonZeroBlocks() {
    return nonZeroBlocks;
  }

  /** How many entries of {@link #nonZeroBlocks()} are valid. */
  int nonZeroBlockCount() {
    return nonZeroBlockCount;
  }

  /**
   * Whether {@code cost} computes {@code δ^L} for the output activation itself; refuses a cost
   * paired with another activation than the network's output layer has, or with an output layer
   * that is not dense.
   */
  static boolean checkPairing(Cost cost, Layer output) {
    return cost.pairedActivation().map(paired -> {
      String name = paired.substring(paired.lastIndexOf('.') + 1);
      if (!(output instanceof Dense dense)) {
        throw new IllegalArgumentException("the cost " + cost + " assumes a dense " + name
            + " output layer, but the output layer is " + output + "; end with such a layer or "
            + "choose another cost");
      }
      if (!paired.equals(dense.activation().getClass().getName())) {
        throw new IllegalArgumentException("the cost " + cost + " assumes a " + name
            + " output layer, but the output layer is " + dense.activation()
            + "; pair it with that activation or choose another cost");
      }
      return true;
    }).orElse(false);
  }
}
