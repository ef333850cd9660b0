package dev.nnj.core;

import dev.nnj.core.kernels.Matrices;
import dev.nnj.core.kernels.SparseRows;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.Examples;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A feedforward network: Nielsen's {@code Network} class, as a stack of layers.
 *
 * <p>In the book's networks every layer is dense, {@code a^l = σ(w^l a^{l−1} + b^l)}; any
 * {@link Layer} may take part. The input layer has no parameters. Predictions are the index of
 * the most active output. Training lives in {@link Trainer}; this class holds the parameters and
 * runs them forward.
 *
 * <p>Mutable (training updates it in place) and not thread-safe.
 */
public final class Network {

  /** How many examples {@link #measure} runs forward at once. */
  static final int EVALUATION_ROWS = 500;

  private final NetworkSpec spec;
  private final List<BuiltLayer> layers;

  private Network(NetworkSpec spec) {
    MemoryEstimate.ofNetwork(spec).requireFits(); // before a single layer is allocated
    this.spec = spec;
    List<BuiltLayer> built = new ArrayList<>();
    dev.nnj.datasets.Shape shape = spec.input();
    for (Layer layer : spec.layers()) {
      BuiltLayer next = layer.build(shape, spec.precision());
      built.add(next);
      shape = next.outputShape();
    }
    this.layers = List.copyOf(built);
  }

  /**
   * A network of the given shape whose weights and biases are independent draws from the standard
   * normal distribution N(0, 1), as in chapter 1. The same seed gives the same network.
   *
   * <p>Draw order follows {@code network.py}: every layer's biases first, then every layer's
   * weights, each {@code w^l} row by row in the book's {@code (j, k)} order.
   */
  public static Network initialised(NetworkSpec spec, long seed) {
    return initialised(spec, new StandardNormal(), seed);
  }

  /**
   * A network of the given shape initialised by {@code initialization}, in {@code network.py}'s
   * draw order. The same seed gives the same network.
   */
  public static Network initialised(NetworkSpec spec, Initialization initialization, long seed) {
    Network network = new Network(spec);
    RandomGenerator random = new MersenneTwister(seed);
    for (BuiltLayer layer : network.layers) {
      layer.initialiseBiases(initialization, random);
    }
    for (BuiltLayer layer : network.layers) {
      layer.initialiseWeights(initialization, random);
    }
    return network;
  }

  /** A network of the given shape with every weight and bias zero, to be filled by the caller. */
  public static Network zeros(NetworkSpec spec) {
    return new Network(spec);
  }

  /** This network's shape. */
  public NetworkSpec spec() {
    return spec;
  }

  /** The layer sizes, input first. */
  public List<Integer> sizes() {
    return spec.sizes();
  }

  /** The layers as built, first after the input first. */
  public List<BuiltLayer> layers() {
    return layers;
  }

  /**
   * The dense layers, in order: in a book's network every layer, {@code denseLayers().get(0)}
   * being the book's layer 2.
   */
  public List<DenseLayer> denseLayers() {
    return layers.stream().filter(DenseLayer.class::isInstance).map(DenseLayer.class::cast)
        .toList();
  }

  /** The output activations {@code a^L} for one input {@code x}. */
  public double[] feedforward(double[] x) {
    if (x.length != spec.inputSize()) {
      throw new IllegalArgumentException(
          "input has " + x.length + " values, the network expects " + spec.inputSize());
    }
    return new ForwardPass(this, 1).run(new Inputs.Dense(x, 1, x.length)).clone();
  }

  /** The predicted class of {@code x}: the index of the most active output neuron. */
  public int predict(double[] x) {
    double[] output = feedforward(x);
    return Matrices.argmax(output, 0, output.length);
  }

  /** The number of examples in {@code data} whose label is the network's prediction. */
  public int evaluate(Examples data) {
    return measure(data, null).correct();
  }

  /** The mean {@code cost} (NaN if {@code cost} is null) and the correct predictions on {@code data}. */
  public Measurement measure(Examples data, Cost cost) {
    checkShapeMatches(data);
    return measure(SparseRows.of(data.features(), data.size(), data.featureCount()), data.labels(), cost);
  }

  /** {@link #measure(Examples, Cost)} for data already in sparse form, as training keeps it. */
  Measurement measure(SparseRows inputs, int[] labels, Cost cost) {
    int n = inputs.rows();
    int rows = Math.min(EVALUATION_ROWS, Math.max(n, 1));
    MemoryEstimate.ofInference(spec, rows).requireFits();
    ForwardPass pass = new ForwardPass(this, rows);
    Inputs.Sparse cursor = new Inputs.Sparse(inputs, identity(n));
    int outputs = spec.outputSize();
    double[] y = cost == null ? null : new double[rows * outputs];
    double costSum = 0.0;
    int correct = 0;
    for (int start = 0; start < n; start += rows) {
      int count = Math.min(rows, n - start);
      double[] output = pass.run(cursor.select(start, count));
      for (int r = 0; r < count; r++) {
        if (Matrices.argmax(output, r * outputs, outputs) == labels[start + r]) {
          correct++;
        }
      }
      if (cost != null) {
        java.util.Arrays.fill(y, 0.0);
        for (int r = 0; r < count; r++) {
          y[r * outputs + labels[start + r]] = 1.0;
        }
        costSum += cost.cost(output, y, count, outputs);
      }
    }
    return new Measurement(cost == null ? Double.NaN : costSum / n, correct, n);
  }

  /** {@code [0, 1, …, n − 1]}. */
  static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Refuses data whose feature or class count does not fit the input or output layer. */
  public void checkShapeMatches(Examples data) {
    if (data.featureCount() != spec.inputSize()) {
      throw new IllegalArgumentException(
          "the first layer size is " + spec.inputSize() + " but the data has "
              + data.featureCount() + " features per example");
    }
    if (data.classCount() != spec.outputSize()) {
      throw new IllegalArgumentException(
          "the last layer size is " + spec.outputSize() + " but the data has "
              + data.classCount() + " classes");
    }
  }

  /**
   * A copy of every parameter, layer by layer, block by block (a dense layer: its weight rows,
   * one per input, in {@link DenseLayer}'s storage order, and then its biases). Two networks with equal snapshots compute
   * the same function.
   */
  public double[][] parameterSnapshot() {
    return parameterBlocks().snapshot();
  }

  /** How this network keeps its parameters: its spec's precision. */
  public Precision precision() {
    return spec.precision();
  }

  /** Which of {@link #parameterBlocks()} hold weights (the rest hold biases). */
  public boolean[] weightBlocks() {
    List<boolean[]> flags = layers.stream().map(BuiltLayer::weightBlocks).toList();
    boolean[] all = new boolean[flags.stream().mapToInt(f -> f.length).sum()];
    int next = 0;
    for (boolean[] layer : flags) {
      System.arraycopy(layer, 0, all, next, layer.length);
      next += layer.length;
    }
    return all;
  }

  /** The parameter blocks themselves, layer by layer, for optimizers. */
  Blocks parameterBlocks() {
    return Blocks.parametersOf(layers);
  }

  /** The numbers one example's training forward pass draws: see {@link BuiltLayer#drawsPerExample}. */
  long drawsPerExample() {
    return layers.stream().mapToLong(BuiltLayer::drawsPerExample).sum();
  }
}
