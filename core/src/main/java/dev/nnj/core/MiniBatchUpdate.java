package dev.nnj.core;

import dev.nnj.datasets.Examples;
import dev.nnj.optimizers.OptimizerState;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One gradient step on one mini-batch: {@code update_mini_batch} of Nielsen's
 * {@code network.py}, for one training run. Backpropagation gives the batch's summed gradient, the
 * regularisation adds its term, and the optimizer moves the parameters.
 *
 * <p>Kept apart from {@link Trainer}'s epoch loop, as the book keeps {@code update_mini_batch}
 * apart from {@code SGD}: the loop decides what to train on and when to stop, this class how one
 * step goes. Being a method called once per mini-batch, it is also compiled by HotSpot as an
 * ordinary method early in the first epoch, whereas the loop body of a method entered once is
 * interpreted until on-stack replacement, after several epochs here.
 */
final class MiniBatchUpdate {

  private final Examples training;
  private final int[] order;
  private final Inputs.Sparse batch;
  private final Backpropagation backprop;
  private final Blocks parameters;
  private final boolean[] weightBlocks;
  private final OptimizerState state;
  private final Regularization regularization;
  /** Whether the regularisation adds a term, which makes every gradient block non-zero. */
  private final boolean regularized;
  private final RandomGenerator dropping;
  /** The batch's one-hot desired outputs. */
  private final double[] y;

  MiniBatchUpdate(Examples training, int[] order, Inputs.Sparse batch, Backpropagation backprop,
      Blocks parameters, boolean[] weightBlocks, OptimizerState state,
      TrainingConfig config, RandomGenerator dropping, int capacity) {
    this.training = training;
    this.order = order;
    this.batch = batch;
    this.backprop = backprop;
    this.parameters = parameters;
    this.weightBlocks = weightBlocks;
    this.state = state;
    this.regularization = config.regularization();
    this.regularized = !(regularization instanceof NoRegularization);
    this.dropping = dropping;
    this.y = new double[capacity * training.classCount()];
  }

  /** Says that {@code order} was shuffled: the inputs are copied into the new order (same bits). */
  void orderChanged() {
    batch.arrange();
  }

  /** Trains on the examples {@code order[first .. first + rows)} with learning rate {@code η}. */
  void run(int first, int rows, double learningRate) {
    oneHot(first, rows);
    backprop.computeGradients(batch.select(first, rows), y, true, dropping);
    Blocks gradients = backprop.gradientBlocks();
    if (regularized) {
      parameters.addRegularization(regularization, weightBlocks, gradients, rows, training.size());
      parameters.step(state, gradients, rows, learningRate);
      // The term went into every weight row, also those the sparse kernels will not clear.
      backprop.gradientsChanged();
    } else {
      // Rows of pixels that are blank in the whole batch have a zero gradient: say which blocks
      // are not, so that plain SGD touches half the first layer (same result).
      parameters.step(state, gradients, backprop.nonZeroBlocks(), backprop.nonZeroBlockCount(),
          rows, learningRate);
    }
  }

  /** Writes the one-hot desired outputs of the examples {@code order[first .. first + rows)}. */
  private void oneHot(int first, int rows) {
    int classes = training.classCount();
    Arrays.fill(y, 0, rows * classes, 0.0);
    for (int r = 0; r < rows; r++) {
      y[r * classes + training.label(order[first + r])] = 1.0;
    }
  }
}
