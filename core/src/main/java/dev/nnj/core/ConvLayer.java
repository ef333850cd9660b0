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
  /** Positions of the convolution per channel, before any pooling: {@code outHeight · outWidth}. */
  private final int positions;
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
    this.positions = convolved.height() * convolved.width();
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
    /** With a pool: each maximum's index in its example's convolution, and Δ spread back there. */
    private final int[] argmax;
    private final double[] spread;
    private final double[][] weightGradients;
    private final double[] biasGradients;
    private final double[][] gradients;

    Pass(int capacity) {
      workspace = new Convolutions.Workspace(new Convolutions.Geometry(input.channels(),
          input.height(), input.width(), kernel, filters), capacity);
      z = new double[capacity * output.size()];
      a = new double[capacity * output.size()];
      argmax = pool == 1 ? null : new int[capacity * output.size()];
      spread = pool == 1 ? null : new double[capacity * filters * positions];
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
      if (pool > 1) {
        Pooling.maxBackward(delta, argmax, rows, filters, output.height() * pool,
            output.width() * pool, pool, spread);
        delta = spread;
      }
      biasGradient(delta, rows); // BP3
      Convolutions.weightGradient(workspace, x, delta, rows, weightGradients); // BP4
      if (inputGradient != null) {
        Convolutions.inputGradient(workspace, weights, delta, rows, inputGradient);
      }
    }

    /**
     * BP3: {@code ∂C/∂b[f] = Σ_r Σ_j Δ[r][f][j]}, over examples and positions in order. Four
     * filters' sums are taken side by side, so that the adder has four chains to work on rather
     * than one; each chain is in the same order as alone.
     */
    private void biasGradient(double[] delta, int rows) {
      int f = 0;
      for (; f + 4 <= filters; f += 4) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int r = 0; r < rows; r++) {
          int at = (r * filters + f) * positions;
          for (int j = at; j < at + positions; j++) {
            s0 += delta[j];
            s1 += delta[j + positions];
            s2 += delta[j + 2 * positions];
            s3 += delta[j + 3 * positions];
          }
        }
        biasGradients[f] = s0;
        biasGradients[f + 1] = s1;
        biasGradients[f + 2] = s2;
        biasGradients[f + 3] = s3;
      }
      for (; f < filters; f++) {
        double sum = 0.0;
        for (int r = 0; r < rows; r++) {
          for (int j = 0, at = (r * filters + f) * positions; j < positions; j++) {
            sum += delta[at + j];
          }
        }
        biasGradients[f] = sum;
      }
    }

    @Override
    public double[][] gradients() {
      return gradients;
    }
  }
}
