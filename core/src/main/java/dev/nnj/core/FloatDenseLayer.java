package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.core.kernels.FloatMatrices;
import dev.nnj.core.kernels.Matrices;
import dev.nnj.datasets.Shape;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@link DenseLayer} with its weights and biases in single precision ({@link Precision#FLOAT}):
 * the same layer, {@code a^l = σ(w^l a^{l−1} + b^l)}, stored the same way (one weight row per
 * input, then the biases), its products taken by {@link FloatMatrices}. The weighted inputs are
 * summed in float and handed to the activation, and back from the cost, as double.
 *
 * <p>Initialised from the same draws as the double layer, each rounded to float. Mutable:
 * training updates the parameters in place. Not thread-safe.
 */
public final class FloatDenseLayer implements BuiltLayer {

  private final Dense layer;
  private final Shape input;
  private final Shape output;
  private final int inputs;
  private final int outputs;
  private final Activation activation;
  /** {@code weights[k][j] = w_jk}, the weight from input {@code k} to neuron {@code j}. */
  private final float[][] weights;
  private final float[] biases;

  FloatDenseLayer(Dense layer, Shape input) {
    this.layer = layer;
    this.input = input;
    this.inputs = input.size();
    this.outputs = layer.units();
    this.output = Shape.flat(outputs);
    this.activation = layer.activation();
    this.weights = new float[inputs][outputs];
    this.biases = new float[outputs];
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

  /** The book's {@code w_jk}, widened to double. */
  public double weight(int j, int k) {
    checkIndex(j, k);
    return weights[k][j];
  }

  /** Sets the book's {@code w_jk}, rounded to float. */
  public void setWeight(int j, int k, double value) {
    checkIndex(j, k);
    weights[k][j] = (float) value;
  }

  /** The bias {@code b_j} of neuron {@code j}, widened to double. */
  public double bias(int j) {
    return biases[j];
  }

  /** Sets the bias {@code b_j}, rounded to float. */
  public void setBias(int j, double value) {
    biases[j] = (float) value;
  }

  @Override
  public float[][] floatParameters() {
    float[][] blocks = Arrays.copyOf(weights, inputs + 1);
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
      biases[j] = (float) initialization.bias(random, inputs, outputs);
    }
  }

  /** Row by row in the book's {@code (j, k)} order, the double layer's draws rounded to float. */
  @Override
  public void initialiseWeights(Initialization network, RandomGenerator random) {
    Initialization initialization = own(network);
    for (int j = 0; j < outputs; j++) {
      for (int k = 0; k < inputs; k++) {
        weights[k][j] = (float) initialization.weight(random, inputs, outputs);
      }
    }
  }

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
   * The layer over a mini-batch, as {@link DenseLayer}'s workspace computes it: forward
   * {@code Z = A w + b, A' = σ(Z)}; backward {@code Δ = ∂C/∂A' ⊙ σ'(Z)}, BP3
   * {@code ∂C/∂b = Σ_rows Δ}, BP4 {@code ∂C/∂w = Aᵀ Δ} and BP2's {@code ∂C/∂A = Δ wᵀ}.
   * {@code Z}, {@code A'} and {@code Δ} are double; {@code Δ}'s rows are rounded to float for
   * the products with the weights.
   */
  final class Pass implements DensePass {
    private final double[] z;
    private final double[] a;
    private final float[][] deltaRows;
    private float[][] transposedWeights;
    private final float[][] weightGradients;
    private final float[] biasGradients;
    private final float[][] gradients;
    private final float[][] scratch;
    private final double[] biasSums;
    private boolean givenDelta;

    Pass(int capacity) {
      z = new double[capacity * outputs];
      a = new double[capacity * outputs];
      deltaRows = new float[capacity][outputs];
      weightGradients = new float[inputs][outputs];
      biasGradients = new float[outputs];
      gradients = Arrays.copyOf(weightGradients, inputs + 1);
      gradients[inputs] = biasGradients;
      scratch = new float[2][Math.max(inputs, outputs)];
      biasSums = new double[outputs];
    }

    @Override
    public void givenDelta() {
      givenDelta = true;
    }

    /** {@code a = σ(x w + b)}. */
    @Override
    public double[] forward(double[] input, int rows, boolean training, RandomGenerator random) {
      FloatMatrices.affine(input, rows, inputs, weights, biases, z, outputs, scratch);
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
      FloatMatrices.transposedTimes(input, rows, inputs, deltaRows, weightGradients, outputs); // BP4
      if (inputGradient != null) {
        if (transposedWeights == null) {
          transposedWeights = new float[outputs][inputs];
        }
        // BP2's product: the error carried back through w, before the previous σ'.
        FloatMatrices.timesTransposed(delta, rows, weights, inputs, inputGradient, outputs,
            transposedWeights, scratch);
      }
    }

    @Override
    public void backward(Inputs x, double[] outputGradient) {
      delta(outputGradient, x.rows());
      x.transposedTimes(deltaRows, weightGradients, outputs); // BP4
    }

    /** BP1/BP2's {@code Δ = g ⊙ σ'(z)} in place, its rows in float, and BP3. */
    private double[] delta(double[] g, int rows) {
      if (!givenDelta) {
        activation.derivative(z, a, g, rows, outputs);
      }
      FloatMatrices.toRows(g, rows, outputs, deltaRows);
      Matrices.columnSums(g, biasSums, rows, outputs); // BP3, summed in double
      for (int j = 0; j < outputs; j++) {
        biasGradients[j] = (float) biasSums[j];
      }
      return g;
    }

    @Override
    public void clearWeightGradients() {
      for (float[] row : weightGradients) {
        Arrays.fill(row, 0f);
      }
    }

    @Override
    public float[][] floatGradients() {
      return gradients;
    }
  }
}
