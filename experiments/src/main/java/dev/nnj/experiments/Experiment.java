package dev.nnj.experiments;

import dev.nnj.core.Checkpoint;
import dev.nnj.core.EarlyStopping;
import dev.nnj.core.History;
import dev.nnj.core.Measurement;
import dev.nnj.core.Network;
import dev.nnj.core.Trainer;
import dev.nnj.core.TrainingConfig;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.Splits;
import jakarta.inject.Inject;

/**
 * Runs an {@link ExperimentSpec}: builds the network, trains it on the dataset's training split
 * while evaluating on its test or validation split, and measures the test split at the end.
 *
 * <p>With {@code "evaluateOn": "validation"} the test images stay untouched during training; the
 * network ends with the weights of its best validation epoch, and the test accuracy reported is
 * theirs — the way chapter 3 chooses hyperparameters without looking at the test set.
 */
public final class Experiment {

  /**
   * What an experiment produced.
   *
   * @param network the trained network (the best validation epoch's, when evaluating on validation)
   * @param history every epoch's figures
   * @param test the final network on the test split
   */
  public record Result(Network network, History history, Measurement test) {}

  private final Registry registry;

  /** Takes the dataset from {@code registry}. */
  @Inject
  public Experiment(Registry registry) {
    this.registry = registry;
  }

  /** Loads the spec's dataset from {@code location} (fetching it if needed) and runs. */
  public Result run(ExperimentSpec spec, DataLocation location, TrainingListener listener) {
    return run(spec, registry.dataset(spec.dataset()).load(location), listener, null, null);
  }

  /** Runs on already loaded data. */
  public Result run(ExperimentSpec spec, Splits data, TrainingListener listener) {
    return run(spec, data, listener, null, null);
  }

  /**
   * Runs on already loaded data, resuming from a checkpoint and handing one out after every
   * epoch.
   *
   * @param resumeFrom an earlier run's network and checkpoint, or null to start afresh
   * @param sink receives a checkpoint after every epoch; may be null
   */
  public Result run(ExperimentSpec spec, Splits data, TrainingListener listener,
      CheckpointDirectory.Saved resumeFrom, Checkpoint.Sink sink) {
    check(spec, data);
    Network network = resumeFrom != null ? resumeFrom.network()
        : Network.initialised(spec.network(data.training().shape()), spec.initialization(),
            spec.seed());
    TrainingConfig config = spec.training();
    boolean onValidation = onValidation(spec);
    if (onValidation) {
      config = config.withEarlyStopping(new EarlyStopping(config.earlyStopping().patience(), true));
    }
    Examples evaluation = evaluation(spec, data);
    if (evaluation.size() == 0) {
      throw new IllegalArgumentException("the " + spec.evaluateOn() + " split of " + spec.dataset()
          + " is empty: nothing to evaluate on" + (onValidation ? "; evaluate on test instead" : ""));
    }
    History history = new Trainer(spec.cost(), spec.optimizer()).train(network, data.training(),
        evaluation, config, listener, resumeFrom == null ? null : resumeFrom.checkpoint(), sink);
    return new Result(network, history, network.measure(data.test(), null));
  }

  /**
   * Refuses, before anything is built or written, a spec that cannot run on {@code data}: a
   * layer that cannot take the data's example shape, or a network whose training cannot fit in
   * this JVM's maximum heap ({@link dev.nnj.core.MemoryEstimate}). {@link #run} checks this
   * first; a caller that prepares output (a checkpoint directory) checks before it.
   *
   * @throws IllegalArgumentException with a one-line message naming the layer or the memory
   */
  public static void check(ExperimentSpec spec, Splits data) {
    new Trainer(spec.cost(), spec.optimizer()).checkMemory(spec.network(data.training().shape()),
        data.training(), evaluation(spec, data), spec.training());
  }

  private static boolean onValidation(ExperimentSpec spec) {
    return spec.evaluateOn().equals("validation");
  }

  private static Examples evaluation(ExperimentSpec spec, Splits data) {
    return onValidation(spec) ? data.validation() : data.test();
  }
}
