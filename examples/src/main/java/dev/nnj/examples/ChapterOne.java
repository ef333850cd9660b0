package dev.nnj.examples;

import dev.nnj.core.History;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.Trainer;
import dev.nnj.core.TrainingConfig;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Nielsen's chapter-1 network, assembled from the registry by name: sigmoid neurons, the quadratic
 * cost, plain mini-batch SGD, trained on MNIST's 50,000 training images and evaluated on the
 * 10,000 test images after every epoch.
 *
 * <pre>{@code
 * ChapterOne chapterOne = Guice.createInjector(new NnjModule()).getInstance(ChapterOne.class);
 * chapterOne.run(ChapterOne.Settings.book(), location, listener);
 * }</pre>
 */
public final class ChapterOne {

  /**
   * The run's settings; {@link #book()} gives the book's.
   *
   * @param sizes layer sizes, input first
   * @param epochs passes over the training data
   * @param batchSize mini-batch size {@code m}
   * @param learningRate {@code η}
   * @param seed seeds the initial weights and every epoch's shuffle
   */
  public record Settings(List<Integer> sizes, int epochs, int batchSize, double learningRate, long seed) {

    /** Copies the sizes. */
    public Settings {
      sizes = List.copyOf(sizes);
    }

    /** {@code [784, 30, 10]}, 30 epochs, m = 10, η = 3.0, seed 1. */
    public static Settings book() {
      return new Settings(List.of(784, 30, 10), 30, 10, 3.0, 1);
    }
  }

  private final Registry registry;

  /** Takes its parts from {@code registry}. */
  @Inject
  public ChapterOne(Registry registry) {
    this.registry = registry;
  }

  /** Loads MNIST from {@code location}, fetching it if needed, and trains the network. */
  public History run(Settings settings, DataLocation location, TrainingListener listener) {
    Splits mnist = registry.dataset("mnist").load(location);
    return train(settings, mnist, listener);
  }

  /** Trains the chapter-1 network on already loaded data. */
  public History train(Settings settings, Splits data, TrainingListener listener) {
    NetworkSpec spec = NetworkSpec.of(settings.sizes(), registry.activation("sigmoid"));
    Network network = Network.initialised(spec, settings.seed());
    Trainer trainer = new Trainer(
        registry.cost("quadratic"),
        registry.optimizer("sgd").withLearningRate(settings.learningRate()));
    TrainingConfig config = new TrainingConfig(settings.epochs(), settings.batchSize(), settings.seed());
    return trainer.train(network, data.training(), data.test(), config, listener);
  }
}
