package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.core.kernels.Matrices;
import dev.nnj.costs.Cost;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

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
  /** Whether the cost writes the whole output error {@code δ^L} for its paired activation. */
  private final boolean costGivesOutputError;
  /** {@code delta[l]}: the error {@code Δ} of layer {@code l + 1}, {@code capacity × n_{l+1}}. */
  private final double[][] delta;
  /** {@code deltaRows[l]}: {@code delta[l]} copied into rows, as the weight kernels read it. */
  private final double[][][] deltaRows;
  /** {@code transposedWeights[l]}: layer {@code l + 1}'s weights, one row per output (BP2). */
  private final double[][][] transposedWeights;
  /** One row per thread, as wide as the widest layer, for the kernels to accumulate in. */
  private final double[][] scratch;
  /** {@code weightGradients[l][k][j] = ∂C/∂w_jk} of layer {@code l + 1}, stored like its weights. */
  private final double[][][] weightGradients;
  private final double[][] biasGradients;
  /** The same gradient arrays in {@link Network#parameterSnapshot()}'s order. */
  private final double[][] gradients;
  /** The indices of the blocks of {@link #gradients} that may be non-zero after the last call. */
  private final int[] nonZeroBlocks;
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
    this.costGivesOutputError = checkPairing(cost, layers.get(layers.size() - 1).activation());
    this.forward = new ForwardPass(network, capacity);
    int depth = layers.size();
    this.delta = new double[depth][];
    this.deltaRows = new double[depth][][];
    this.transposedWeights = new double[depth][][];
    this.weightGradients = new double[depth][][];
    this.biasGradients = new double[depth][];
    List<double[]> blocks = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      Layer layer = layers.get(l);
      delta[l] = new double[capacity * layer.outputs()];
      deltaRows[l] = new double[capacity][layer.outputs()];
      transposedWeights[l] = l == 0 ? null : new double[layer.outputs()][layer.inputs()];
      weightGradients[l] = new double[layer.inputs()][layer.outputs()];
      biasGradients[l] = new double[layer.outputs()];
      blocks.addAll(List.of(weightGradients[l]));
      blocks.add(biasGradients[l]);
    }
    this.gradients = blocks.toArray(new double[0][]);
    this.scratch = new double[2][layers.stream().mapToInt(Layer::inputs).max().orElse(0)];
    this.nonZeroBlocks = new int[gradients.length];
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
    return computeGradients(x, y, 0.0, null);
  }

  /**
   * {@link #computeGradients(Inputs, double[])} with dropout on the hidden layers: each hidden
   * neuron of each example is dropped with probability {@code dropout}, drawn from {@code random}.
   */
  double computeGradients(Inputs x, double[] y, double dropout, RandomGenerator random) {
    int rows = x.rows();
    if (x != lastInputs) {
      // Sparse inputs clear only the rows they touched before; start from zero for new ones.
      for (double[] row : weightGradients[0]) {
        java.util.Arrays.fill(row, 0.0);
      }
      lastInputs = x;
    }
    double[] output = forward.run(x, dropout, random);
    int last = layers.size() - 1;
    Layer outputLayer = layers.get(last);

    // BP1: Δ^L = ∂C/∂a^L ⊙ σ'(z^L), or the cost's own Δ^L for its paired activation.
    cost.outputError(output, y, delta[last], rows, outputLayer.outputs());
    if (!costGivesOutputError) {
      outputLayer.activation().derivative(
          forward.z[last], output, delta[last], rows, outputLayer.outputs());
    }

    for (int l = last; l >= 0; l--) {
      Layer layer = layers.get(l);
      Matrices.toRows(delta[l], rows, layer.outputs(), deltaRows[l]);
      // BP3 and BP4: the gradients of this layer's biases and weights.
      Matrices.columnSums(delta[l], biasGradients[l], rows, layer.outputs());
      if (l == 0) {
        x.transposedTimes(deltaRows[0], weightGradients[0], layer.outputs());
      } else {
        Matrices.transposedTimes(forward.input[l], rows, layer.inputs(), deltaRows[l],
            weightGradients[l], layer.outputs());
        // BP2: carry the error back through w^l, then through the previous activation.
        Layer previous = layers.get(l - 1);
        Matrices.timesTransposed(delta[l], rows, layer.weights, layer.inputs(), delta[l - 1],
            layer.outputs(), transposedWeights[l], scratch);
        if (forward.dropped) {
          // A dropped neuron passed nothing on, so no error flows back through it.
          Matrices.multiply(delta[l - 1], forward.keep[l], rows * previous.outputs());
        }
        previous.activation().derivative(
            forward.z[l - 1], forward.a[l], delta[l - 1], rows, previous.outputs());
      }
    }
    // The first layer's weight rows are the first blocks; all later blocks may be non-zero.
    nonZeroBlockCount = x.gradientRows(nonZeroBlocks);
    for (int b = layers.get(0).inputs(); b < gradients.length; b++) {
      nonZeroBlocks[nonZeroBlockCount++] = b;
    }
    return cost.cost(output, y, rows, outputLayer.outputs());
  }

  /**
   * The gradient blocks the last {@link #computeGradients} wrote, in the order of
   * {@link Network#parameterSnapshot()}: each layer's weight rows, then its biases. Valid until
   * the next call.
   */
  public double[][] gradients() {
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
   * paired with another activation than the network's output layer has.
   */
  static boolean checkPairing(Cost cost, Activation output) {
    return cost.pairedActivation().map(paired -> {
      if (!paired.equals(output.getClass().getName())) {
        throw new IllegalArgumentException("the cost " + cost + " assumes a "
            + paired.substring(paired.lastIndexOf('.') + 1) + " output layer, but the output layer is "
            + output + "; pair it with that activation or choose another cost");
      }
      return true;
    }).orElse(false);
  }
}
