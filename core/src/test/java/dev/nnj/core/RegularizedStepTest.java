package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Sigmoid;
import dev.nnj.core.kernels.SparseRows;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.Examples;
import dev.nnj.optimizers.Adam;
import dev.nnj.optimizers.Momentum;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.OptimizerState;
import dev.nnj.optimizers.Sgd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A regularised step is the book's rule for every weight at every step, whatever the storage of
 * the inputs: {@code w ← w − (η/m)(Σ_x ∂C_x/∂w + m·(λ/n)·∂R/∂w)} (Nielsen, chapter 3), also for the
 * first-layer weights of inputs that are blank in the whole mini-batch, whose data gradient is zero
 * but whose regularisation term is not.
 */
class RegularizedStepTest {

  private static final int FEATURES = 10;
  private static final int CLASSES = 3;
  private static final int EXAMPLES = 96;
  /** Never inked in any example: its weights see only the regularisation. */
  private static final int BLANK = FEATURES - 1;
  private static final double LEARNING_RATE = 0.5;

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (Regularization regularization : List.of(new L2(5.0), new L1(2.0))) {
      for (Optimizer optimizer : List.of(new Sgd(LEARNING_RATE), new Momentum(LEARNING_RATE, 0.9),
          new Adam(0.01, 0.9, 0.999, 1e-8))) {
        // 8 takes the per-example sparse kernels, 32 the ones regrouped by input.
        for (int batchSize : new int[] {8, 32}) {
          runs.add(Arguments.of(regularization, optimizer, batchSize));
        }
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} {1} m={2}")
  @MethodSource("runs")
  void sparseTraining_givesTheSameParametersAsDenseTraining(
      Regularization regularization, Optimizer optimizer, int batchSize) {
    Examples data = rarelyInked();
    int[] order = shuffled(EXAMPLES, 3);
    double[][] sparse = trainSparse(data, order, regularization, optimizer, batchSize, 4);
    double[][] dense = trainDense(data, order, regularization, optimizer, batchSize, 4);
    // The sparse kernels equal the dense ones bit for bit (MatricesTest), and the regularisation
    // and the optimizer see the same numbers on both paths, so nothing may differ at all.
    assertThat(sparse).isDeepEqualTo(dense);
  }

  @ParameterizedTest(name = "m={0}")
  @ValueSource(ints = {8, 32})
  void sgdWithL2_decaysTheWeightsOfABlankInputByTheBooksFactorEveryStep(int batchSize) {
    L2 l2 = new L2(5.0);
    Examples data = rarelyInked();
    Network network = freshNetwork();
    double[] before = network.denseLayers().get(0).weights[BLANK].clone();
    int steps = 4 * ((EXAMPLES + batchSize - 1) / batchSize);
    double[][] after = trainSparse(data, shuffled(EXAMPLES, 3), l2, new Sgd(LEARNING_RATE),
        batchSize, 4);
    // (1 − ηλ/n)^steps, eq. (93) of chapter 3 with a zero data gradient.
    double factor = Math.pow(1 - LEARNING_RATE * l2.lambda() / EXAMPLES, steps);
    for (int j = 0; j < before.length; j++) {
      assertThat(after[BLANK][j]).isCloseTo(before[j] * factor, within(1e-12));
    }
  }

  /** Inputs inked more rarely the higher their index; the last one never. */
  private static Examples rarelyInked() {
    Random random = new Random(5);
    float[] x = new float[EXAMPLES * FEATURES];
    int[] labels = new int[EXAMPLES];
    for (int i = 0; i < EXAMPLES; i++) {
      for (int k = 0; k < BLANK; k++) {
        if (random.nextInt(2 * (k + 1)) == 0) {
          x[i * FEATURES + k] = 0.1f + random.nextFloat();
        }
      }
      labels[i] = random.nextInt(CLASSES);
    }
    return new Examples(x, FEATURES, labels, CLASSES);
  }

  private static int[] shuffled(int n, long seed) {
    Random random = new Random(seed);
    int[] order = Network.identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Training as {@link Trainer} does it: sparse inputs through {@link MiniBatchUpdate}. */
  private static double[][] trainSparse(Examples data, int[] order, Regularization regularization,
      Optimizer optimizer, int batchSize, int epochs) {
    Network network = freshNetwork();
    double[][] parameters = network.parameterBlocks().doubles();
    boolean[] weightBlocks = network.weightBlocks();
    OptimizerState state = optimizer.start(lengths(parameters), weightBlocks);
    TrainingConfig config = new TrainingConfig(epochs, batchSize, 1)
        .withRegularization(regularization);
    SparseRows inputs = SparseRows.of(data.features(), EXAMPLES, FEATURES);
    MiniBatchUpdate update = new MiniBatchUpdate(data, order,
        Inputs.Sparse.forTraining(inputs, order),
        new Backpropagation(network, new Quadratic(), batchSize), network.parameterBlocks(),
        weightBlocks, state,
        config, new MersenneTwister(1), batchSize);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int first = 0; first < EXAMPLES; first += batchSize) {
        update.run(first, Math.min(batchSize, EXAMPLES - first), optimizer.learningRate());
      }
    }
    return network.parameterSnapshot();
  }

  /** The book's loop written out on dense rows: every weight gets its term at every step. */
  private static double[][] trainDense(Examples data, int[] order, Regularization regularization,
      Optimizer optimizer, int batchSize, int epochs) {
    Network network = freshNetwork();
    double[][] parameters = network.parameterBlocks().doubles();
    boolean[] weightBlocks = network.weightBlocks();
    OptimizerState state = optimizer.start(lengths(parameters), weightBlocks);
    Backpropagation backprop = new Backpropagation(network, new Quadratic(), batchSize);
    double[] x = new double[batchSize * FEATURES];
    double[] y = new double[batchSize * CLASSES];
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int first = 0; first < EXAMPLES; first += batchSize) {
        int rows = Math.min(batchSize, EXAMPLES - first);
        Arrays.fill(y, 0.0);
        for (int r = 0; r < rows; r++) {
          data.copyFeatures(order[first + r], x, r * FEATURES);
          y[r * CLASSES + data.label(order[first + r])] = 1.0;
        }
        backprop.computeGradients(x, y, rows);
        double[][] gradients = backprop.gradients();
        for (int b = 0; b < parameters.length; b++) {
          if (weightBlocks[b]) {
            regularization.addGradient(parameters[b], gradients[b], rows, EXAMPLES);
          }
        }
        state.step(parameters, gradients, rows, optimizer.learningRate());
      }
    }
    return network.parameterSnapshot();
  }

  /** The same initial network for every run: [10, 4, 3] sigmoid, seed 11. */
  private static Network freshNetwork() {
    return Network.initialised(NetworkSpec.of(List.of(FEATURES, 4, CLASSES), new Sigmoid()), 11);
  }

  private static int[] lengths(double[][] blocks) {
    return Arrays.stream(blocks).mapToInt(block -> block.length).toArray();
  }
}
