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
 * Mini-batch stochastic gradient descent: Nielsen's {@code Network.SGD} ({@code network.py}) and
 * its chapter-3 extension ({@code network2.py}).
 *
 * <p>Every epoch reshuffles the training data with a generator drawn from the configured seed,
 * cuts it into consecutive mini-batches of {@code m} examples (the last one shorter when {@code m}
 * does not divide {@code n}), computes each batch's summed gradient by {@link Backpropagation},
 * adds the regularisation term and lets the optimizer step with the schedule's learning rate.
 * After each epoch it measures what the configuration asks for, tells the listener, and asks the
 * schedule and the early-stopping rule whether to go on.
 *
 * <p>The same network, data, configuration and seed give bit-identical weights, whatever the
 * number of threads. Parameters that stop being finite numbers end training with a
 * {@link TrainingDivergedException}.
 */
public final class Trainer {

  /** Keeps the shuffle's random stream apart from the initialisation's for the same seed. */
  private static final long SHUFFLE_STREAM = 0x5DEECE66DL;
  /** Keeps the dropout masks' random stream apart from the others. */
  private static final long DROPOUT_STREAM = 0x2545F4914F6CDD1DL;

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
   * @param evaluation measured after every epoch as the configuration's monitoring asks, and
   *     steering the schedule and early stopping; may be {@code null}
   * @return the figures of every epoch
   */
  public History train(Network network, Examples training, Examples evaluation,
      TrainingConfig config, TrainingListener listener) {
    return train(network, training, evaluation, config, listener, null, null);
  }

  /**
   * {@link #train(Network, Examples, Examples, TrainingConfig, TrainingListener)}, resuming from a
   * checkpoint and handing one out after every epoch.
   *
   * @param network the network, holding the weights saved with {@code resumeFrom} when resuming
   * @param resumeFrom a checkpoint of an earlier run of the same configuration and data, or null
   *     to start afresh; training continues with the epoch after it and ends exactly as an
   *     uninterrupted run would
   * @param sink receives a checkpoint after every epoch; may be null
   */
  public History train(Network network, Examples training, Examples evaluation,
      TrainingConfig config, TrainingListener listener, Checkpoint resumeFrom, Checkpoint.Sink sink) {
    network.checkShapeMatches(training);
    if (evaluation != null) {
      network.checkShapeMatches(evaluation);
    }
    int n = training.size();
    if (n == 0) {
      throw new IllegalArgumentException("the training data is empty");
    }
    int m = Math.min(config.batchSize(), n);
    checkMemory(network.spec(), training, evaluation, config);
    // The inputs in sparse form, built once: four in five MNIST pixels are zero, and the first
    // layer's kernels skip them (see Matrices.sparseAffine).
    SparseRows inputs = SparseRows.of(training.features(), n, training.featureCount());
    EpochMeasurer measurer = new EpochMeasurer(cost, config, inputs, training, evaluation);

    Backpropagation backprop = new Backpropagation(network, cost, m);
    Blocks parameters = network.parameterBlocks();
    boolean[] weightBlocks = network.weightBlocks();
    OptimizerState state = optimizer.start(parameters.lengths(), weightBlocks);
    Schedule.State schedule = config.schedule().start(optimizer.learningRate());
    RandomGenerator shuffling = new MersenneTwister(config.seed() ^ SHUFFLE_STREAM);
    RandomGenerator dropping = new MersenneTwister(config.seed() ^ DROPOUT_STREAM);
    int[] order = Network.identity(n);
    MiniBatchUpdate update = new MiniBatchUpdate(training, order,
        Inputs.Sparse.forTraining(inputs, order), backprop, parameters, weightBlocks, state, config,
        dropping, m);
    BestEpoch best = new BestEpoch(parameters);

    List<EpochResult> results = new ArrayList<>();
    boolean goOn = true;
    int batches = (n + m - 1) / m;
    int resumeBatch = 0;
    if (resumeFrom != null) {
      // Replay what the finished work drew and decided, so that everything continues exactly.
      resumeBatch = resumeFrom.batchesDone();
      state.restore(resumeFrom.optimizerState(),
          (long) resumeFrom.epochsDone() * batches + resumeBatch);
      long drawsPerExample = network.drawsPerExample();
      for (EpochResult done : resumeFrom.history().epochs()) {
        shuffle(order, shuffling);
        skip(dropping, drawsPerExample * n);
        best.record(done.evaluationAccuracy(), null);
        goOn = schedule.epochFinished(done.epoch(), done.evaluationAccuracy())
            && !best.patienceRunOut(config.earlyStopping());
        results.add(done);
      }
      if (resumeBatch > 0) {
        shuffle(order, shuffling); // the interrupted epoch's order
        skip(dropping, drawsPerExample * Math.min((long) resumeBatch * m, n));
      }
      best.setWeights(resumeFrom.best());
    }
    for (int epoch = results.size(); epoch < config.epochs() && goOn; epoch++) {
      double learningRate = schedule.learningRate();
      long start = System.nanoTime();
      if (resumeBatch == 0) {
        shuffle(order, shuffling);
      }
      update.orderChanged(); // after this epoch's shuffle, or a resumed epoch's replayed one
      for (int first = resumeBatch * m; first < n; first += m) {
        int rows = Math.min(m, n - first);
        update.run(first, rows, learningRate);
        listener.batchFinished(epoch, first + rows, n);
        if (listener.stopRequested() && first + rows < n) {
          int batchesDone = first / m + 1;
          if (sink != null) {
            sink.epochSaved(network, new Checkpoint(
                new History(results), state.save(), best.weights(), batchesDone));
          }
          throw new TrainingStoppedException(epoch, batchesDone, batches);
        }
      }
      resumeBatch = 0;
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!parameters.allFinite()) {
        if (config.earlyStopping().restoreBest()) {
          best.restoreInto(parameters);
        }
        throw new TrainingDivergedException(epoch, learningRate);
      }

      EpochResult result = measurer.measure(network, epoch, learningRate, seconds);
      results.add(result);
      listener.epochFinished(result);
      best.record(result.evaluationAccuracy(), parameters);
      if (sink != null) {
        sink.epochSaved(network, new Checkpoint(new History(results), state.save(), best.weights()));
      }
      goOn = schedule.epochFinished(epoch, result.evaluationAccuracy())
          && !best.patienceRunOut(config.earlyStopping());
    }
    if (config.earlyStopping().restoreBest()) {
      best.restoreInto(parameters);
    }
    return new History(results);
  }

  /**
   * Refuses, before anything is allocated, a run of {@code network} on this data whose
   * parameters, gradients, optimizer state and workspaces cannot fit in this JVM's maximum heap
   * (see {@link MemoryEstimate}); {@link #train} checks this too, once the network is built.
   *
   * @throws IllegalArgumentException naming the network, the memory it needs and the limit
   */
  public void checkMemory(NetworkSpec network, Examples training, Examples evaluation,
      TrainingConfig config) {
    int capacity = Math.max(1, Math.min(config.batchSize(), training.size()));
    int evaluationRows = evaluation == null ? 0
        : Math.min(Network.EVALUATION_ROWS, Math.max(evaluation.size(), 1));
    MemoryEstimate.ofTraining(network, capacity, evaluationRows,
        optimizer.stateValuesPerParameter()).requireFits();
  }

  /** Draws {@code count} numbers from {@code random} and forgets them: a replay. */
  private static void skip(RandomGenerator random, long count) {
    for (long draw = 0; draw < count; draw++) {
      random.nextDouble();
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
