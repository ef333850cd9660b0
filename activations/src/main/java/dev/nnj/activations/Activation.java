package dev.nnj.activations;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A neuron's activation function {@code a = σ(z)}, applied to a whole block of weighted inputs at
 * once.
 *
 * <p>Blocks are row-major {@code rows × cols} arrays: one row per example of a mini-batch, one
 * column per neuron of the layer. Only the first {@code rows × cols} entries are read or written,
 * so callers may pass workspaces sized for a larger batch. Element-wise activations such as the
 * sigmoid ignore the shape; per-row activations such as softmax use it. Working on whole blocks
 * keeps the hot path free of one virtual call per element, which lets the JIT vectorise the loop.
 *
 * <p>{@link #apply} and {@link #derivative} sit side by side: the derivative receives both the
 * weighted input {@code z} and the activation {@code a = apply(z)} so that an implementation may
 * use whichever is cheaper (the sigmoid uses {@code σ'(z) = a(1 − a)}).
 *
 * <p>Implementations are immutable values, safe to share between threads and networks; two
 * instances with the same parameters are {@code equals}. Add your own with
 * {@link ActivationsModule#activationBinder}.
 *
 * <p>In JSON an activation is an object whose {@code "type"} is its registry name, with its
 * parameters beside it: {@code {"type": "leaky-relu", "slope": 0.01}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Activation {

  /**
   * Computes {@code a = σ(z)} for a {@code rows × cols} block.
   *
   * @param z the weighted inputs, read only
   * @param a receives the activations; may be the same array as {@code z}
   */
  void apply(double[] z, double[] a, int rows, int cols);

  /**
   * Multiplies {@code gradient} in place by the derivative of this activation: for an element-wise
   * activation {@code gradient ← gradient ⊙ σ'(z)}; for a per-row activation the vector–Jacobian
   * product {@code gradient_row ← (∂a_row/∂z_row)ᵀ gradient_row}. This is the {@code ⊙ σ'(z^l)}
   * factor of backpropagation (Nielsen, equations BP1 and BP2).
   *
   * @param z the weighted inputs that {@link #apply} was given, read only
   * @param a the activations {@link #apply} computed from {@code z}, read only
   * @param gradient {@code ∂C/∂a} on entry, {@code ∂C/∂z} on return
   */
  void derivative(double[] z, double[] a, double[] gradient, int rows, int cols);
}
