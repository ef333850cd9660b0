package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.core.kernels.Matrices;
import dev.nnj.datasets.Shape;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A fully connected layer {@code l} as built: weights {@code w^l}, biases {@code b^l} and the
 * activation {@code σ}, so that {@code a^l = σ(w^l a^{l−1} + b^l)}.
 *
 * <p>Storage departs from the book's indexing for speed: the book's {@code w^l} has shape
 * {@code (n_l, n_{l−1})}; here the weights are kept transposed, one row per input, so that the
 * kernels run over whole rows (which the JIT vectorises) and can skip zero inputs. Read them in
 * the book's indexing with {@link #weight(int, int)}. The parameter blocks are the weight rows,
 * one per input, then the biases.
 *
 * <p>Mutable: training updates the parameters in place. Not thread-safe.
 */
public final class DenseLayer implements BuiltLayer {

  private final Dense layer;
  private final Shape input;
  private final Shape output;
  private final int inputs;
  private final int outputs;
  private final Activation activation;
  /** {@code weights[k][j] = w_jk}, the weight from input {@code k} to neuron {@code j}. */
  final double[][] weights;
  final double[] biases;

  DenseLayer(Dense layer, Shape input) {
    this.layer = layer;
    this.input = input;
    this.inputs = input.size();
    this.outputs = layer.units();
    this.output = Shape.flat(outputs);
    this.activation = layer.activation();
    this.weights = new double[inputs][outputs];
    this.biases = new double[outputs];
  }

  @Override
  public Dense layer() {
    return layer;
  }

  @Override
  public Shape inputShape() {
    return input;
  }

  @Override
  public Shape outputShape() {
    return output;
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

  @Override
  public double[][] parameters() {
    double[][] blocks = Arrays.copyOf(weights, inputs + 1);
    blocks[inputs] = biases;
    return blocks;
  }

  @Override
  public boolean[] weightBlocks() {
    boolean[] flags = new boolean[inputs + 1];
    Arrays.fill(flags, 0, inputs, true);
    return flags;
  }

  @Override
  public void initialiseBiases(Initialization network, RandomGenerator random) {
    Initialization initialization = own(network);
    for (int j = 0; j < outputs; j++) {
      biases[j] = initialization.bias(random, inputs, outputs);
    }
  }

  /** Row by row in the book's {@code (j, k)} order, as {@code network.py} draws them. */
  @Override
  public void initialiseWeights(Initialization network, RandomGenerator random) {
    Initialization initialization = own(network);
    for (int j = 0; j < outputs; j++) {
      for (int k = 0; k < inputs; k++) {
        weights[k][j] = initialization.weight(random, inputs, outputs);
      }
    }
  }

  /** The layer's own initialisation if it names one, else the network's. */
  private Initialization own(Initialization network) {
    return layer.initialization() != null ? layer.initialization() : network;
  }

  @Override
  public Pass pass(int capacity) {
    return new Pass(capacity);
  }

  private void checkIndex(int j, int k) {
    if (j < 0 || j >= outputs || k < 0 || k >= inputs) {
      throw new IndexOutOfBoundsException(
          "weight (" + j + ", " + k + ") outside " + outputs + " × " + inputs);
    }
  }

  /**
   * The dense layer over a mini-batch, in chapter 2's matrix form: forward
   * {@code Z = A w + b, A' = σ(Z)}; backward BP1/BP2's {@code Δ = ∂C/∂A' ⊙ σ'(Z)}, BP3
   * {@code ∂C/∂b = Σ_rows Δ}, BP4 {@code ∂C/∂w = Aᵀ Δ} and the error passed back,
   * {@code ∂C/∂A = Δ wᵀ}. As the first layer it also reads the inputs in their sparse form.
   */
  final class Pass implements DensePass {
    /** {@code z}: weighted inputs, {@code capacity × outputs}. */
    final double[] z;
    /** {@code a = σ(z)}. */
    final double[] a;
    private final double[][] deltaRows;
    /** The weights one row per output, for BP2; made on first use (the first layer never needs it). */
    private double[][] transposedWeights;
    /** {@code weightGradients[k][j] = ∂C/∂w_jk}, stored like the weights. */
    private final double[][] weightGradients;
    private final double[] biasGradients;
    private final double[][] gradients;
    private final double[][] scratch;
    /** Whether the cost hands this, the output layer, {@code Δ} itself rather than {@code ∂C/∂a}. */
    private boolean givenDelta;

    Pass(int capacity) {
      z = new double[capacity * outputs];
      a = new double[capacity * outputs];
      deltaRows = new double[capacity][outputs];
      weightGradients = new double[inputs][outputs];
      biasGradients = new double[outputs];
      gradients = Arrays.copyOf(weightGradients, inputs + 1);
      gradients[inputs] = biasGradients;
      scratch = new double[2][Math.max(inputs, outputs)];
    }

    @Override
    public void givenDelta() {
      givenDelta = true;
    }

    /** {@code a = σ(x w + b)}. */
    @Override
    public double[] forward(double[] input, int rows, boolean training, RandomGenerator random) {
      Matrices.affine(input, rows, inputs, weights, biases, z, outputs, scratch);
      activation.apply(z, a, rows, outputs);
      return a;
    }

    @Override
    public double[] forward(Inputs x) {
      x.affine(weights, biases, z, outputs, scratch);
      activation.apply(z, a, x.rows(), outputs);
      return a;
    }

    @Override
    public void backward(double[] input, double[] outputGradient, double[] inputGradient,
        int rows) {
      double[] delta = delta(outputGradient, rows);
      Matrices.transposedTimes(input, rows, inputs, deltaRows, weightGradients, outputs); // BP4
      if (inputGradient != null) {
        if (transposedWeights == null) {
          transposedWeights = new double[outputs][inputs];
        }
        // BP2's product: the error carried back through w, before the previous σ'.
        Matrices.timesTransposed(delta, rows, weights, inputs, inputGradient, outputs,
            transposedWeights, scratch);
      }
    }

    @Override
    public void backward(Inputs x, double[] outputGradient) {
      delta(outputGradient, x.rows());
      x.transposedTimes(deltaRows, weightGradients, outputs); // BP4
    }

    /** BP1/BP2's {@code Δ = g ⊙ σ'(z)} in place, and BP3. */
    private double[] delta(double[] g, int rows) {
      if (!givenDelta) {
        activation.derivative(z, a, g, rows, outputs);
      }
      Matrices.toRows(g, rows, outputs, deltaRows);
      Matrices.columnSums(g, biasGradients, rows, outputs); // BP3
      return g;
    }

    @Override
    public void clearWeightGradients() {
      for (double[] row : weightGradients) {
        Arrays.fill(row, 0.0);
      }
    }

    @Override
    public double[][] gradients() {
      return gradients;
    }
  }
}
