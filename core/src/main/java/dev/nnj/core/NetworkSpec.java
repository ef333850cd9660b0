package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a fully connected network: its layer sizes, input layer first, and the activation
 * of each layer after the input.
 *
 * @param sizes the number of neurons per layer, e.g. {@code [784, 30, 10]}; at least two, each ≥ 1
 * @param activations one per weighted layer: {@code sizes.size() − 1} of them
 */
public record NetworkSpec(List<Integer> sizes, List<Activation> activations) {

  /** Validates and copies. */
  public NetworkSpec {
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(activations, "activations");
    sizes = List.copyOf(sizes);
    activations = List.copyOf(activations);
    if (sizes.size() < 2) {
      throw new IllegalArgumentException(
          "sizes must name an input and at least one more layer: " + sizes);
    }
    for (int size : sizes) {
      if (size < 1) {
        throw new IllegalArgumentException("every layer size must be >= 1: " + sizes);
      }
    }
    if (activations.size() != sizes.size() - 1) {
      throw new IllegalArgumentException(
          "need one activation per layer after the input (" + (sizes.size() - 1) + "), got "
              + activations.size());
    }
  }

  /** The same activation in every layer, as in Nielsen's chapter 1 (all sigmoid). */
  public static NetworkSpec of(List<Integer> sizes, Activation activation) {
    Objects.requireNonNull(activation, "activation");
    return new NetworkSpec(sizes, Collections.nCopies(Math.max(sizes.size() - 1, 0), activation));
  }

  /**
   * Refuses a cost whose output error assumes another output activation than this network's
   * last layer has (cross-entropy's {@code δ = a − y} holds for sigmoid outputs, log-likelihood's
   * for softmax), so that a mismatch is reported before any data is loaded.
   *
   * @throws IllegalArgumentException naming the cost and both activations
   */
  public void checkCost(Cost cost) {
    Backpropagation.checkPairing(cost, activations.get(activations.size() - 1));
  }

  /** The number of inputs. */
  public int inputSize() {
    return sizes.get(0);
  }

  /** The number of output neurons. */
  public int outputSize() {
    return sizes.get(sizes.size() - 1);
  }
}
