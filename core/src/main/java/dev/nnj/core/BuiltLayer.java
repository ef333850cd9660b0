package dev.nnj.core;

import dev.nnj.datasets.Shape;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A {@link Layer} built for an input shape: it owns the layer's parameters and makes the
 * workspaces that run it over mini-batches.
 *
 * <p>The parameters are blocks of {@code double}, each flagged as weights (which regularisation
 * penalises) or biases; optimizers, checkpoints, saved files and divergence checks see exactly
 * these blocks, so a user's layer with parameters is trained, saved and resumed like a dense
 * one. A layer without parameters keeps the defaults.
 *
 * <p>Mutable (training updates the parameters in place) and not thread-safe.
 */
public interface BuiltLayer {

  /** The value this layer was built from. */
  Layer layer();

  /** The shape of one example this layer takes. */
  Shape inputShape();

  /** The shape of one example this layer gives. */
  Shape outputShape();

  /** The parameter blocks themselves, not copies; none by default, nor for a layer built in float. */
  default double[][] parameters() {
    return new double[0][];
  }

  /**
   * The parameter blocks themselves of a layer built in {@link Precision#FLOAT single precision},
   * in the order {@link #parameters()} would give them in double; none by default. A layer keeps
   * its parameters in one of the two.
   */
  default float[][] floatParameters() {
    return new float[0][];
  }

  /** Per block of {@link #parameters()} (or {@link #floatParameters()}), whether it holds weights (else biases). */
  default boolean[] weightBlocks() {
    return new boolean[0];
  }

  /**
   * Draws the biases from {@code random} with {@code initialization}. A network draws every
   * layer's biases first and then every layer's weights, as {@code network.py} does.
   */
  default void initialiseBiases(Initialization initialization, RandomGenerator random) {}

  /** Draws the weights from {@code random} with {@code initialization}. */
  default void initialiseWeights(Initialization initialization, RandomGenerator random) {}

  /**
   * How many numbers one example's forward pass in training draws from the trainer's stream
   * (dropout: one per value). A resumed run skips that many per example already trained on.
   */
  default long drawsPerExample() {
    return 0;
  }

  /** A workspace for mini-batches of up to {@code capacity} examples; allocated once. */
  Pass pass(int capacity);

  /**
   * The workspace of one layer: its outputs, its parameter gradients and whatever else it needs
   * between forward and backward, for up to a capacity of rows. Nothing is allocated per call.
   */
  interface Pass {

    /**
     * Runs {@code rows} examples forward: {@code input} is {@code rows × inputShape().size()},
     * one example per row. In training ({@code training} true) a layer may draw from
     * {@code random}, exactly {@link #drawsPerExample()} numbers per example; in inference it
     * draws nothing.
     *
     * @return the outputs, {@code rows × outputShape().size()}; valid until the next call, not to
     *     be written by the caller (it may be {@code input} itself)
     */
    double[] forward(double[] input, int rows, boolean training, RandomGenerator random);

    /**
     * Backpropagates the last {@link #forward}: given {@code outputGradient = ∂C/∂output} it
     * writes this batch's parameter gradients into {@link #gradients()} (summed over the rows)
     * and, unless {@code inputGradient} is null (the first layer), {@code ∂C/∂input} into it.
     * It may overwrite {@code outputGradient}.
     *
     * @param input the input of the last {@link #forward}, unchanged
     */
    void backward(double[] input, double[] outputGradient, double[] inputGradient, int rows);

    /** The parameter gradients, one block per block of {@link BuiltLayer#parameters()}. */
    default double[][] gradients() {
      return new double[0][];
    }

    /** The parameter gradients, one block per block of {@link BuiltLayer#floatParameters()}. */
    default float[][] floatGradients() {
      return new float[0][];
    }
  }
}
