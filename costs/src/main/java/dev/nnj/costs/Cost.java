package dev.nnj.costs;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * A cost function {@code C(a, y)} measuring how far a network's outputs {@code a} are from the
 * desired outputs {@code y}, together with its gradient.
 *
 * <p>Blocks are row-major {@code rows × cols} arrays: one row per example, one column per output
 * neuron; only the first {@code rows × cols} entries are used. {@link #cost} is <em>summed</em>
 * over the rows, never averaged: the caller divides by the number of examples it means
 * ({@code C = (1/n) Σ_x C_x}), as the training loop and evaluation know {@code n} and the cost
 * does not.
 *
 * <p>{@link #cost} and {@link #outputError} sit side by side. By default {@code outputError}
 * writes {@code ∂C_x/∂a^L} for every example; the network then multiplies it by its output
 * activation's derivative to get the output error {@code δ^L = ∂C_x/∂a^L ⊙ σ'(z^L)} (Nielsen,
 * equation BP1). A cost whose error formula is written for one output activation — the
 * cross-entropy's {@code δ^L = a − y} for sigmoid outputs — names that activation in
 * {@link #pairedActivation()} and writes {@code δ^L} itself, which is both cheaper and stable
 * where {@code σ'} underflows; the network refuses to pair it with any other output activation.
 *
 * <p>Implementations are immutable values, safe to share between threads; add your own with
 * {@link CostsModule#costBinder}. In JSON a cost is an object whose {@code "type"} is its registry
 * name: {@code {"type": "cross-entropy"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Cost {

  /**
   * Returns {@code Σ_x C_x(a, y)} over the {@code rows} examples of the block.
   *
   * @param a the network's outputs, read only
   * @param y the desired outputs (one-hot for classification), read only
   */
  double cost(double[] a, double[] y, int rows, int cols);

  /**
   * Writes the error for each example into {@code error}, which may not alias {@code a} or
   * {@code y}: {@code ∂C_x/∂a}, or, when {@link #pairedActivation()} names an activation, the
   * whole output error {@code δ^L = ∂C_x/∂z^L} for that activation.
   */
  void outputError(double[] a, double[] y, double[] error, int rows, int cols);

  /**
   * The class name of the output activation that {@link #outputError} assumes (for example
   * {@code "dev.nnj.activations.Sigmoid"}), or empty when the error is {@code ∂C/∂a} and works
   * with any activation. A class name rather than a type keeps this module free of a dependency
   * on the activations module.
   */
  default Optional<String> pairedActivation() {
    return Optional.empty();
  }
}
