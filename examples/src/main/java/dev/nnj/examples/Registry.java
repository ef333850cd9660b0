package dev.nnj.examples;

import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.Dataset;
import dev.nnj.optimizers.Optimizer;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every bound implementation by name, as Guice's map binders collected them from the built-in
 * modules and the user's own. Looking up an unknown name fails with a message listing the known
 * ones.
 */
public final class Registry {

  private final Map<String, Activation> activations;
  private final Map<String, Cost> costs;
  private final Map<String, Optimizer> optimizers;
  private final Map<String, Dataset> datasets;

  /** Receives the four maps from the injector. */
  @Inject
  public Registry(
      Map<String, Activation> activations,
      Map<String, Cost> costs,
      Map<String, Optimizer> optimizers,
      Map<String, Dataset> datasets) {
    this.activations = Map.copyOf(activations);
    this.costs = Map.copyOf(costs);
    this.optimizers = Map.copyOf(optimizers);
    this.datasets = Map.copyOf(datasets);
  }

  /** The activation bound under {@code name}. */
  public Activation activation(String name) {
    return find("activation", activations, name);
  }

  /** The cost bound under {@code name}. */
  public Cost cost(String name) {
    return find("cost", costs, name);
  }

  /** The optimizer bound under {@code name}, with its default hyperparameters. */
  public Optimizer optimizer(String name) {
    return find("optimizer", optimizers, name);
  }

  /** The dataset bound under {@code name}. */
  public Dataset dataset(String name) {
    return find("dataset", datasets, name);
  }

  private static <T> T find(String family, Map<String, T> bound, String name) {
    T found = bound.get(name);
    if (found == null) {
      throw new IllegalArgumentException(
          "unknown " + family + " '" + name + "'; known: " + String.join(", ", new TreeSet<>(bound.keySet())));
    }
    return found;
  }
}
