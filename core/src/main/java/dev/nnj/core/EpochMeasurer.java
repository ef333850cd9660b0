package dev.nnj.core;

import dev.nnj.core.kernels.SparseRows;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.Examples;

/**
 * Measures a network after an epoch, as the configuration's {@link Monitoring} asks: cost and
 * accuracy on the training data and on the evaluation data (always its accuracy when there is
 * evaluation data), the costs with {@code network2.py}'s regularisation term.
 */
final class EpochMeasurer {

  private final Cost cost;
  private final TrainingConfig config;
  private final SparseRows trainingInputs;
  private final int[] trainingLabels;
  private final SparseRows evaluationInputs;
  private final int[] evaluationLabels;

  /** Keeps both data sets in sparse form, built once per run. */
  EpochMeasurer(Cost cost, TrainingConfig config, SparseRows trainingInputs, Examples training,
      Examples evaluation) {
    this.cost = cost;
    this.config = config;
    this.trainingInputs = trainingInputs;
    this.trainingLabels = training.labels();
    this.evaluationInputs = evaluation == null ? null
        : SparseRows.of(evaluation.features(), evaluation.size(), evaluation.featureCount());
    this.evaluationLabels = evaluation == null ? null : evaluation.labels();
  }

  /** The figures of epoch {@code epoch}, trained at {@code learningRate} in {@code seconds}. */
  EpochResult measure(Network network, int epoch, double learningRate, double seconds) {
    Monitoring monitoring = config.monitoring();
    double trainingCost = Double.NaN;
    double trainingAccuracy = Double.NaN;
    if (monitoring.trainingCost() || monitoring.trainingAccuracy()) {
      Measurement onTraining = network.measure(
          trainingInputs, trainingLabels, monitoring.trainingCost() ? cost : null);
      trainingCost = onTraining.meanCost() + penalty(network, trainingInputs.rows());
      trainingAccuracy = monitoring.trainingAccuracy() ? onTraining.accuracy() : Double.NaN;
    }
    if (evaluationInputs == null) {
      return new EpochResult(epoch, learningRate, trainingCost, trainingAccuracy, Double.NaN,
          Double.NaN, 0, 0, seconds);
    }
    Measurement onEvaluation = network.measure(
        evaluationInputs, evaluationLabels, monitoring.evaluationCost() ? cost : null);
    double evaluationCost = onEvaluation.meanCost()
        + (monitoring.evaluationCost() ? penalty(network, evaluationInputs.rows()) : 0.0);
    return new EpochResult(epoch, learningRate, trainingCost, trainingAccuracy, evaluationCost,
        onEvaluation.accuracy(), onEvaluation.correct(), onEvaluation.total(), seconds);
  }

  /**
   * The regularisation term {@code (1/n) Σ λR(w)} of a reported cost, with {@code n} the size of
   * the data set measured, as {@code network2.py}'s {@code total_cost} adds it.
   */
  private double penalty(Network network, int n) {
    double sum = 0.0;
    for (BuiltLayer layer : network.layers()) {
      sum += Blocks.parametersOf(layer).penalty(config.regularization(), layer.weightBlocks());
    }
    return sum / n;
  }
}
