package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.Examples;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.OptimizerState;
import dev.nnj.optimizers.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerTest {

  private final Examples training = TestNetworks.separable(500, 8, 3, 1);
  private final Examples test = TestNetworks.separable(300, 8, 3, 2);
  private final NetworkSpec spec = NetworkSpec.of(List.of(8, 6, 3), new Sigmoid());
  /** {@link #spec} with dropout 0.3 after its hidden layer. */
  private final NetworkSpec dropping =
      new NetworkSpec(List.of(8, 6, 3), List.of(new Sigmoid(), new Sigmoid()), 0.3);

  @Test
  void train_sameSeedGivesBitIdenticalWeightsAfterTwoEpochs() {
    assertThat(trainedWeights(17)).isDeepEqualTo(trainedWeights(17));
    assertThat(trainedWeights(17)).isNotEqualTo(trainedWeights(18));
  }

  @Test
  void train_learnsASeparableProblem() {
    Network network = Network.initialised(spec, 3);
    int before = network.evaluate(test);
    List<EpochResult> results = new Trainer(new Quadratic(), new Sgd(3.0))
        .train(network, training, test, new TrainingConfig(30, 10, 3), TrainingListener.NONE)
        .epochs();
    EpochResult last = results.get(results.size() - 1);
    assertThat(results).hasSize(30);
    assertThat(last.evaluated()).isEqualTo(300);
    // Three classes: chance is 100 of 300. A working SGD gets far above it on this easy problem.
    assertThat(last.correct()).isGreaterThan(240).isGreaterThan(before);
    assertThat(last.accuracy()).isGreaterThan(results.get(0).accuracy());
  }

  @Test
  void train_cutsAShortLastBatchAndStepsWithItsOwnSize() {
    List<Integer> sizes = new ArrayList<>();
    Optimizer recording = new Optimizer() {
      @Override public double learningRate() {
        return 1.0;
      }

      @Override public Optimizer withLearningRate(double learningRate) {
        return this;
      }

      @Override public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
        return (parameters, gradients, batchSize, learningRate) -> sizes.add(batchSize);
      }
    };
    new Trainer(new Quadratic(), recording).train(
        Network.initialised(spec, 1), training.slice(0, 23), null, new TrainingConfig(2, 10, 1),
        TrainingListener.NONE);
    assertThat(sizes).containsExactly(10, 10, 3, 10, 10, 3);
  }

  @Test
  void train_reportsEveryEpochToTheListener() {
    List<EpochResult> heard = new ArrayList<>();
    List<EpochResult> returned = new Trainer(new Quadratic(), new Sgd(1.0)).train(
        Network.initialised(spec, 1), training, test, new TrainingConfig(3, 25, 1),
        new TrainingListener() {
          @Override public void epochFinished(EpochResult result) {
            heard.add(result);
          }
        }).epochs();
    assertThat(heard).isEqualTo(returned);
    assertThat(heard).extracting(EpochResult::epoch).containsExactly(0, 1, 2);
  }

  @Test
  void train_refusesAFirstLayerThatDoesNotMatchTheData() {
    Network network = Network.initialised(NetworkSpec.of(List.of(7, 6, 3), new Sigmoid()), 1);
    assertThatThrownBy(() -> new Trainer(new Quadratic(), new Sgd(3.0))
        .train(network, training, null, new TrainingConfig(1, 10, 1), TrainingListener.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the first layer size is 7 but the data has 8 features per example");
  }

  @Test
  void config_refusesNonPositiveEpochsAndBatches() {
    assertThatThrownBy(() -> new TrainingConfig(0, 10, 1)).hasMessage("epochs must be >= 1: 0");
    assertThatThrownBy(() -> new TrainingConfig(1, -5, 1)).hasMessage("batchSize must be >= 1: -5");
  }

  @Test
  void train_withEarlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
    Network network = Network.initialised(spec, 4);
    TrainingConfig config = new TrainingConfig(40, 10, 4)
        .withEarlyStopping(new EarlyStopping(2, true));
    History history = new Trainer(new Quadratic(), new Sgd(8.0))
        .train(network, training, test, config, TrainingListener.NONE);
    EpochResult best = history.best().orElseThrow();
    List<EpochResult> epochs = history.epochs();
    // Either all 40 epochs ran, or training stopped exactly two epochs after the best one.
    if (epochs.size() < 40) {
      assertThat(epochs.get(epochs.size() - 1).epoch()).isEqualTo(best.epoch() + 2);
    }
    assertThat(network.evaluate(test)).isEqualTo(best.correct());
  }

  @Test
  void train_monitorsEveryFigureWhenAsked() {
    History history = new Trainer(new Quadratic(), new Sgd(3.0)).train(
        Network.initialised(spec, 2), training, test,
        new TrainingConfig(2, 10, 2).withMonitoring(Monitoring.ALL).withRegularization(new L2(1.0)),
        TrainingListener.NONE);
    EpochResult last = history.epochs().get(1);
    assertThat(last.trainingCost()).isPositive();
    assertThat(last.trainingAccuracy()).isBetween(0.0, 1.0);
    assertThat(last.evaluationCost()).isPositive();
    assertThat(last.evaluationAccuracy()).isEqualTo(last.correct() / 300.0);
    assertThat(last.learningRate()).isEqualTo(3.0);
  }

  @Test
  void train_withDropoutIsDeterministicAndDiffersFromWithout() {
    TrainingConfig config = new TrainingConfig(2, 10, 6);
    NetworkSpec half = new NetworkSpec(List.of(8, 6, 3), List.of(new Sigmoid(), new Sigmoid()), 0.5);
    double[][] first = trained(half, config);
    assertThat(trained(half, config)).isDeepEqualTo(first);
    assertThat(trained(spec, config)).isNotEqualTo(first);
  }

  @Test
  void train_passesTheWeightBlocksToTheOptimizer() {
    List<boolean[]> seen = new ArrayList<>();
    Optimizer recording = new Optimizer() {
      @Override public double learningRate() {
        return 1.0;
      }

      @Override public Optimizer withLearningRate(double learningRate) {
        return this;
      }

      @Override public OptimizerState start(int[] blockLengths, boolean[] weightBlocks) {
        seen.add(weightBlocks);
        assertThat(blockLengths).hasSameSizeAs(weightBlocks);
        return (parameters, gradients, batchSize, learningRate) -> { };
      }
    };
    new Trainer(new Quadratic(), recording).train(Network.initialised(spec, 1), training, null,
        new TrainingConfig(1, 10, 1), TrainingListener.NONE);
    // [8, 6, 3]: eight weight rows and the biases of layer 2, six rows and the biases of layer 3.
    boolean[] expected = new boolean[8 + 1 + 6 + 1];
    java.util.Arrays.fill(expected, 0, 8, true);
    java.util.Arrays.fill(expected, 9, 15, true);
    assertThat(seen.get(0)).containsExactly(expected);
  }

  @Test
  void train_withAHugeLearningRateStopsNamingTheEpochAndTheCause() {
    // A linear output layer: nothing saturates, so too large a step grows without bound.
    Network network = Network.initialised(new NetworkSpec(List.of(8, 6, 3),
        List.of(new Sigmoid(), new dev.nnj.activations.Identity())), 1);
    assertThatThrownBy(() -> new Trainer(new Quadratic(), new Sgd(1e3))
        .train(network, training, test, new TrainingConfig(5, 10, 1), TrainingListener.NONE))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessage("training diverged in epoch 0: the weights are no longer finite numbers; "
            + "the learning rate (1000.0) is probably too high");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Precision.class)
  void train_resumedFromACheckpointEndsExactlyAsAnUninterruptedRun(Precision precision) {
    NetworkSpec dropping = this.dropping.withPrecision(precision);
    // Everything that carries state across epochs: Adam's moments, dropout masks, a schedule
    // that halves on a plateau, the best weights kept for early stopping, and the shuffles.
    TrainingConfig config = new TrainingConfig(5, 7, 3)
        .withRegularization(new L2(0.5))
        .withSchedule(new HalveOnPlateau(1, 1024))
        .withEarlyStopping(new EarlyStopping(0, true));
    dev.nnj.optimizers.Optimizer adam = new dev.nnj.optimizers.Adam(0.01, 0.9, 0.999, 1e-8);

    Network uninterrupted = Network.initialised(dropping, 3);
    History straight = new Trainer(new Quadratic(), adam)
        .train(uninterrupted, training, test, config, TrainingListener.NONE);

    List<Checkpoint> saved = new ArrayList<>();
    List<double[][]> weights = new ArrayList<>();
    Network first = Network.initialised(dropping, 3);
    new Trainer(new Quadratic(), adam).train(first, training, test,
        new TrainingConfig(2, 7, 3, config.regularization(), config.schedule(),
            config.earlyStopping(), config.monitoring()),
        TrainingListener.NONE, null, (network, checkpoint) -> {
          saved.add(checkpoint);
          weights.add(network.parameterSnapshot());
        });
    assertThat(saved).extracting(Checkpoint::epochsDone).containsExactly(1, 2);

    Network resumed = Network.initialised(dropping, 99); // its weights come from the checkpoint
    resumed.parameterBlocks().copyFrom(weights.get(1));
    History continued = new Trainer(new Quadratic(), adam).train(
        resumed, training, test, config, TrainingListener.NONE, saved.get(1), null);

    assertThat(resumed.parameterSnapshot()).isDeepEqualTo(uninterrupted.parameterSnapshot());
    assertThat(continued.epochs()).extracting(EpochResult::correct)
        .containsExactlyElementsOf(straight.epochs().stream().map(EpochResult::correct).toList());
    assertThat(continued.epochs()).extracting(EpochResult::learningRate)
        .containsExactlyElementsOf(straight.epochs().stream().map(EpochResult::learningRate).toList());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(Precision.class)
  void train_stoppedInMidEpochResumesFromThatBatchToTheUninterruptedWeights(Precision precision) {
    NetworkSpec dropping = this.dropping.withPrecision(precision);
    TrainingConfig config = new TrainingConfig(3, 7, 5)
        .withSchedule(new HalveOnPlateau(1, 1024))
        .withEarlyStopping(new EarlyStopping(0, true));
    dev.nnj.optimizers.Optimizer adam = new dev.nnj.optimizers.Adam(0.01, 0.9, 0.999, 1e-8);
    Network uninterrupted = Network.initialised(dropping, 5);
    new Trainer(new Quadratic(), adam).train(uninterrupted, training, test, config, TrainingListener.NONE);

    // Stop in the second epoch after its 30th mini-batch (of 72), as Ctrl-C does.
    Network first = Network.initialised(dropping, 5);
    List<Checkpoint> saved = new ArrayList<>();
    List<double[][]> weights = new ArrayList<>();
    TrainingListener stopper = new TrainingListener() {
      private int batches;

      @Override public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
        batches++;
      }

      @Override public boolean stopRequested() {
        return batches == 72 + 30;
      }
    };
    assertThatThrownBy(() -> new Trainer(new Quadratic(), adam).train(first, training, test,
        config, stopper, null, (network, checkpoint) -> {
          saved.add(checkpoint);
          weights.add(network.parameterSnapshot());
        }))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessage("training stopped in epoch 1 after 30 of 72 mini-batches");
    Checkpoint last = saved.get(saved.size() - 1);
    assertThat(last.epochsDone()).isEqualTo(1);
    assertThat(last.batchesDone()).isEqualTo(30);

    Network resumed = Network.initialised(dropping, 99);
    resumed.parameterBlocks().copyFrom(weights.get(weights.size() - 1));
    new Trainer(new Quadratic(), adam).train(
        resumed, training, test, config, TrainingListener.NONE, last, null);
    assertThat(resumed.parameterSnapshot()).isDeepEqualTo(uninterrupted.parameterSnapshot());
  }

  private double[][] trained(NetworkSpec spec, TrainingConfig config) {
    Network network = Network.initialised(spec, 6);
    new Trainer(new Quadratic(), new Sgd(3.0))
        .train(network, training, null, config, TrainingListener.NONE);
    return network.parameterSnapshot();
  }

  private double[][] trainedWeights(long seed) {
    Network network = Network.initialised(spec, seed);
    new Trainer(new Quadratic(), new Sgd(3.0))
        .train(network, training, null, new TrainingConfig(2, 10, seed), TrainingListener.NONE);
    return network.parameterSnapshot();
  }
}
