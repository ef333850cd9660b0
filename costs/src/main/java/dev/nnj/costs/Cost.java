package dev.nnj.costs;

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
 * <p>{@link #cost} and {@link #outputError} sit side by side. {@code outputError} writes
 * {@code ∂C_x/∂a^L} for every example; the network then multiplies it by its output activation's
 * derivative to get the output error {@code δ^L = ∂C_x/∂a^L ⊙ σ'(z^L)} (Nielsen, equation BP1).
 *
 * <p>Implementations are immutable values, safe to share between threads; add your own with
 * {@link CostsModule#costBinder}.
 */
public interface Cost {

  /**
   * Returns {@code Σ_x C_x(a, y)} over the {@code rows} examples of the block.
   *
   * @param a the network's outputs, read only
   * @param y the desired outputs (one-hot for classification), read only
   */
  double cost(double[] a, double[] y, int rows, int cols);

  /**
   * Writes {@code ∂C_x/∂a} for each example into {@code error}, which may not alias {@code a} or
   * {@code y}.
   */
  void outputError(double[] a, double[] y, double[] error, int rows, int cols);
}
