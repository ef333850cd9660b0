package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.core.kernels.Matrices;
import dev.nnj.datasets.Shape;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A {@link Conv} layer as built: {@code filters} kernels over {@code c} channels, stored as a
 * dense layer's weights would be for the {@code K = c · kernel²} values of one input patch — one
 * row per patch value {@code (channel, dy, dx)}, holding that value's weight in every filter —
 * and one bias per filter. The parameter blocks are those {@code K} rows, then the biases.
 *
 * <p>The kernels are the dense ones (im2col): every output position's input patch is copied into
 * a row of a patch matrix, so the convolution of a mini-batch is one product of
 * {@code (rows · positions) × K} patches with the {@code K × filters} weights, and its gradients
 * are the dense layer's BP3 and BP4 over the same matrix. Not thread-safe.
 */
public final class ConvLayer implements BuiltLayer {

  private final Conv layer;
  private final Shape input;
  private final Shape output;
  private final int kernel;
  private final int filters;
  /** Values per patch: {@code channels · kernel²}. */
  private final int patch;
  /** Output positions per channel: {@code outHeight · outWidth}. */
  private final int positions;
  private final Activation activation;
  /** {@code weights[(c · kernel + dy) · kernel + dx][f]}: filter f's weight at that patch value. */
  final double[][] weights;
  final double[] biases;

  ConvLayer(Conv layer, Shape input, Shape output) {
    this.layer = layer;
    this.input = input;
    this.output = output;
    this.kernel = layer.kernel();
    this.filters = layer.filters();
    this.patch = input.channels() * kernel * kernel;
    this.positions = output.height() * output.width();
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
   * The convolution over a mini-batch: forward {@code Z = patches · w + b, A = σ(Z)}; backward
   * {@code Δ = ∂C/∂A ⊙ σ'(Z)}, {@code ∂C/∂b = Σ Δ}, {@code ∂C/∂w = patchesᵀ Δ}, and
   * {@code ∂C/∂input} by scattering {@code Δ wᵀ} back over the patches (col2im).
   */
  final class Pass implements BuiltLayer.Pass {
    private final int capacity;
    /** {@code (rows · positions) × patch}: every output position's input patch. */
    private final double[] patches;
    /** {@code (rows · positions) × filters}: the weighted inputs, position by position. */
    private final double[] byPosition;
    /** The weighted inputs and activations per example, filter by filter (the output's layout). */
    private final double[] z;
    private final double[] a;
    private final double[][] weightGradients;
    private final double[] biasGradients;
    private final double[][] gradients;
    private final double[][] scratch;
    /** Backward's workspace, made on its first call (evaluation never needs it). */
    private double[] delta;
    private double[][] deltaRows;
    private double[] patchGradient;
    private double[][] transposedWeights;

    Pass(int capacity) {
      this.capacity = capacity;
      patches = new double[capacity * positions * patch];
      byPosition = new double[capacity * positions * filters];
      z = new double[capacity * output.size()];
      a = new double[capacity * output.size()];
      weightGradients = new double[patch][filters];
      biasGradients = new double[filters];
      gradients = Arrays.copyOf(weightGradients, patch + 1);
      gradients[patch] = biasGradients;
      scratch = new double[2][Math.max(patch, filters)];
    }

    @Override
    public double[] forward(double[] x, int rows, boolean training, RandomGenerator random) {
      toPatches(x, rows);
      Matrices.affine(patches, rows * positions, patch, weights, biases, byPosition, filters,
          scratch);
      for (int r = 0; r < rows; r++) {
        int out = r * filters * positions;
        int at = r * positions * filters;
        for (int p = 0; p < positions; p++) {
          for (int f = 0; f < filters; f++) {
            z[out + f * positions + p] = byPosition[at + p * filters + f];
          }
        }
      }
      activation.apply(z, a, rows, filters * positions);
      return a;
    }

    /** im2col: row {@code r · positions + p} of {@link #patches} is position p's patch of example r. */
    private void toPatches(double[] x, int rows) {
      int channels = input.channels();
      int height = input.height();
      int width = input.width();
      int outWidth = output.width();
      int next = 0;
      for (int r = 0; r < rows; r++) {
        int example = r * input.size();
        for (int p = 0; p < positions; p++) {
          int oy = p / outWidth;
          int ox = p % outWidth;
          for (int c = 0; c < channels; c++) {
            int plane = example + c * height * width;
            for (int dy = 0; dy < kernel; dy++) {
              System.arraycopy(x, plane + (oy + dy) * width + ox, patches, next, kernel);
              next += kernel;
            }
          }
        }
      }
    }

    @Override
    public void backward(double[] x, double[] outputGradient, double[] inputGradient, int rows) {
      if (delta == null) {
        delta = new double[capacity * positions * filters];
        deltaRows = new double[capacity * positions][filters];
      }
      activation.derivative(z, a, outputGradient, rows, filters * positions);
      for (int r = 0; r < rows; r++) {
        int out = r * filters * positions;
        int at = r * positions * filters;
        for (int p = 0; p < positions; p++) {
          for (int f = 0; f < filters; f++) {
            delta[at + p * filters + f] = outputGradient[out + f * positions + p];
          }
        }
      }
      int n = rows * positions;
      Matrices.toRows(delta, n, filters, deltaRows);
      Matrices.columnSums(delta, biasGradients, n, filters);
      Matrices.transposedTimes(patches, n, patch, deltaRows, weightGradients, filters);
      if (inputGradient != null) {
        if (patchGradient == null) {
          patchGradient = new double[capacity * positions * patch];
          transposedWeights = new double[filters][patch];
        }
        Matrices.timesTransposed(delta, n, weights, patch, patchGradient, filters,
            transposedWeights, scratch);
        fromPatches(patchGradient, inputGradient, rows);
      }
    }

    /** col2im: adds every patch's gradient back onto the input values it was copied from. */
    private void fromPatches(double[] from, double[] into, int rows) {
      Arrays.fill(into, 0, rows * input.size(), 0.0);
      int channels = input.channels();
      int height = input.height();
      int width = input.width();
      int outWidth = output.width();
      int next = 0;
      for (int r = 0; r < rows; r++) {
        int example = r * input.size();
        for (int p = 0; p < positions; p++) {
          int oy = p / outWidth;
          int ox = p % outWidth;
          for (int c = 0; c < channels; c++) {
            int plane = example + c * height * width;
            for (int dy = 0; dy < kernel; dy++) {
              int row = plane + (oy + dy) * width + ox;
              for (int dx = 0; dx < kernel; dx++) {
                into[row + dx] += from[next++];
              }
            }
          }
        }
      }
    }

    @Override
    public double[][] gradients() {
      return gradients;
    }
  }
}
