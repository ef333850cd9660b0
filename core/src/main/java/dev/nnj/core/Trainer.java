package dev.nnj.core;

import dev.nnj.core.kernels.SparseRows;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.Examples;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.OptimizerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Mini-batch stochastic gradient descent: Nielsen's {@code Network.SGD}.
 *
 * <p>Every epoch reshuffles the training data with a generator drawn from the configured seed,
 * cuts it into consecutive mini-batches of {@code m} examples (the last one shorter when {@code m}
 * does not divide {@code n}), computes each batch's summed gradient by {@link Backpropagation} and
 * lets the optimizer step. After each epoch it counts the correct test predictions, if test data
 * is given, and tells the listener.
 *
 * <p>The same network, data, configuration and seed give bit-identical weights.
 */
public final class Trainer {

  /** Keeps the shuffle's random stream apart from the initialisation's for the same seed. */
  private static final long SHUFFLE_STREAM = 0x5DEECE66DL;

  private final Cost cost;
  private final Optimizer optimizer;

  /** A trainer minimising {@code cost} with {@code optimizer}. */
  public Trainer(Cost cost, Optimizer optimizer) {
    this.cost = Objects.requireNonNull(cost, "cost");
    this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
  }

  /**
   * Trains {@code network} in place.
   *
   * @param test evaluated after every epoch; may be {@code null}
   * @return one result per epoch
   */
  public List<EpochResult> train(
      Network network, Examples training, Examples test, TrainingConfig config,
      TrainingListener listener) {
    network.checkShapeMatches(training);
    if (test != null) {
      network.checkShapeMatches(test);
    }
    int n = training.size();
    if (n == 0) {
      throw new IllegalArgumentException("the training data is empty");
    }
    int m = Math.min(config.batchSize(), n);
    int outputs = network.spec().outputSize();

    // The inputs in sparse form, built once: four in five MNIST pixels are zero, and the first
    // layer's kernels skip them (see Matrices.sparseAffine).
    SparseRows inputs = SparseRows.of(training.features(), n, training.featureCount());
    SparseRows testInputs =
        test == null ? null : SparseRows.of(test.features(), test.size(), test.featureCount());
    Backpropagation backprop = new Backpropagation(network, cost, m);
    double[][] parameters = network.parameterBlocks();
    OptimizerState state = optimizer.start(
        Arrays.stream(parameters).mapToInt(p -> p.length).toArray(), network.weightBlocks());
    RandomGenerator random = new MersenneTwister(config.seed() ^ SHUFFLE_STREAM);
    int[] order = Network.identity(n);
    Inputs.Sparse batch = new Inputs.Sparse(inputs, order);
    double[] y = new double[m * outputs];

    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      long start = System.nanoTime();
      shuffle(order, random);
      double costSum = 0.0;
      for (int first = 0; first < n; first += m) {
        int rows = Math.min(m, n - first);
        oneHot(training, order, first, rows, y);
        costSum += backprop.computeGradients(batch.select(first, rows), y);
        state.step(parameters, backprop.gradients(), rows, optimizer.learningRate());
        listener.batchFinished(epoch, first + rows, n);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int correct = test == null ? 0 : network.evaluate(testInputs, test.labels());
      EpochResult result =
          new EpochResult(epoch, correct, test == null ? 0 : test.size(), costSum / n, seconds);
      results.add(result);
      listener.epochFinished(result);
    }
    return List.copyOf(results);
  }

  /** Writes the one-hot desired outputs of the examples {@code order[first .. first + rows)} into {@code y}. */
  private static void oneHot(Examples data, int[] order, int first, int rows, double[] y) {
    int classes = data.classCount();
    Arrays.fill(y, 0, rows * classes, 0.0);
    for (int r = 0; r < rows; r++) {
      y[r * classes + data.label(order[first + r])] = 1.0;
    }
  }

  /** Fisher–Yates: every permutation equally likely. */
  private static void shuffle(int[] order, RandomGenerator random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
