package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.core.kernels.Convolutions;
import dev.nnj.core.kernels.Pooling;
import dev.nnj.datasets.Shape;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A {@link Conv} layer as built: {@code filters} kernels over {@code c} channels, stored as a
 * dense layer's weights would be for the {@code K = c · kernel²} values of one input patch — one
 * row per patch value {@code (channel, dy, dx)}, holding that value's weight in every filter —
 * and one bias per filter. The parameter blocks are those {@code K} rows, then the biases.
 *
 * <p>The loops are {@link Convolutions}' (im2col): each example's input is copied into one row
 * per patch value over every output position, so that the products run along rows as long as
 * the output plane. Not thread-safe.
 */
public final class ConvLayer implements BuiltLayer {

  private final Conv layer;
  private final Shape input;
  private final Shape output;
  private final int kernel;
  private final int filters;
  /** Values per patch: {@code channels · kernel²}. */
  private final int patch;
  /** The side of the pooling windows before σ: 1 for none. */
  private final int pool;
  private final Activation activation;
  /** {@code weights[(c · kernel + dy) · kernel + dx][f]}: filter f's weight at that patch value. */
  final double[][] weights;
  final double[] biases;

  ConvLayer(Conv layer, Shape input, Shape convolved) {
    this.layer = layer;
    this.input = input;
    this.pool = layer.poolSize();
    this.output = new Shape(convolved.channels(), convolved.height() / pool,
        convolved.width() / pool);
    this.kernel = layer.kernel();
    this.filters = layer.filters();
    this.patch = input.channels() * kernel * kernel;
    this.activation = layer.activation();
    this.weights = new double[patch][filters];
    this.biases = new double[filters];
  }

  @Override
  public Conv layer() {
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

  /** Filter {@code f}'s weight at channel {@code c}, row {@code dy}, column {@code dx} of its kernel. */
  public double weight(int f, int c, int dy, int dx) {
    return weights[(c * kernel + dy) * kernel + dx][f];
  }

  /** The bias of filter {@code f}. */
  public double bias(int f) {
    return biases[f];
  }

  @Override
  public double[][] parameters() {
    double[][] blocks = Arrays.copyOf(weights, patch + 1);
    blocks[patch] = biases;
    return blocks;
  }

  @Override
  public boolean[] weightBlocks() {
    boolean[] flags = new boolean[patch + 1];
    Arrays.fill(flags, 0, patch, true);
    return flags;
  }

  /**
   * Each filter's biases from {@code initialization} for a layer of {@code c · kernel²} inputs and
   * {@code filters · kernel²} outputs (the fan-in and fan-out of one output value).
   */
  @Override
  public void initialiseBiases(Initialization network, RandomGenerator random) {
    Initialization initialization = own(network);
    for (int f = 0; f < filters; f++) {
      biases[f] = initialization.bias(random, patch, filters * kernel * kernel);
    }
  }

  /** Filter by filter, each kernel channel by channel, row by row. */
  @Override
  public void initialiseWeights(Initialization network, RandomGenerator random) {
    Initialization initialization = own(network);
    for (int f = 0; f < filters; f++) {
      for (int j = 0; j < patch; j++) {
        weights[j][f] = initialization.weight(random, patch, filters * kernel * kernel);
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

  /**
   * The convolution over a mini-batch: forward {@code Z = w ⊛ X + b, A = σ(Z)}; backward
   * {@code Δ = ∂C/∂A ⊙ σ'(Z)}, {@code ∂C/∂b = Σ Δ}, {@code ∂C/∂w = columnsᵀ Δ} (BP3, BP4), and
   * {@code ∂C/∂X} by adding {@code w Δ} back over the patches (col2im). With a pool, {@code Z} is
   * the windows' maxima and σ is taken on them; backward, each window's {@code Δ} goes to its
   * maximum's position and zero to the others before BP3 and BP4. The loops are
   * {@link Convolutions}' and {@link Pooling}'s.
   */
  final class Pass implements BuiltLayer.Pass {
    private final Convolutions.Workspace workspace;
    /**
     * The weighted inputs (pooled, with a pool) and activations per example, filter by filter
     * (the output's layout).
     */
    private final double[] z;
    private final double[] a;
    /** With a pool: each maximum's index in its example's convolution. */
    private final int[] argmax;
    private final double[][] weightGradients;
    private final double[] biasGradients;
    private final double[][] gradients;

    Pass(int capacity) {
      workspace = new Convolutions.Workspace(new Convolutions.Geometry(input.channels(),
          input.height(), input.width(), kernel, filters), capacity);
      z = new double[capacity * output.size()];
      a = new double[capacity * output.size()];
      argmax = pool == 1 ? null : new int[capacity * output.size()];
      weightGradients = new double[patch][filters];
      biasGradients = new double[filters];
      gradients = Arrays.copyOf(weightGradients, patch + 1);
      gradients[patch] = biasGradients;
    }

    /** {@code a = σ(w ⊛ x + b)}, or with a pool {@code a = σ(max over each window of w ⊛ x + b)}. */
    @Override
    public double[] forward(double[] x, int rows, boolean training, RandomGenerator random) {
      if (pool == 1) {
        Convolutions.forward(workspace, x, rows, weights, biases, z);
      } else {
        Convolutions.forwardPooled(workspace, x, rows, weights, biases, pool, z, argmax);
      }
      activation.apply(z, a, rows, output.size());
      return a;
    }

    @Override
    public void backward(double[] x, double[] outputGradient, double[] inputGradient, int rows) {
      double[] delta = outputGradient;
      activation.derivative(z, a, delta, rows, output.size()); // Δ = ∂C/∂a ⊙ σ'(z)
      // With a pool, Δ of each window goes to its maximum, zero to the others: the kernels
      // take the pooled Δ and argmax and never write the spread-out Δ.
      Convolutions.gradients(workspace, x, delta, argmax, pool, rows, weightGradients,
          biasGradients); // BP3, BP4
      if (inputGradient != null) {
        Convolutions.inputGradient(workspace, weights, delta, argmax, pool, rows, inputGradient);
      }
    }

    @Override
    public double[][] gradients() {
      return gradients;
    }
  }
}
