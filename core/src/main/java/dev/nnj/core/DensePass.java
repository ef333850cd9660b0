package dev.nnj.core;

/**
 * What the network asks of a dense layer's workspace, in either precision, beyond any layer's:
 * as the first layer it reads the inputs in their own storage (sparse for MNIST), and as the
 * output layer it may take {@code Δ} from a cost paired with its activation.
 */
interface DensePass extends BuiltLayer.Pass {

  /** Says that {@link #backward} receives {@code Δ} from the cost, which paired with σ. */
  void givenDelta();

  /** {@link #forward} for the network's inputs in any storage, sparse included. */
  double[] forward(Inputs x);

  /** {@link #backward} as the first layer, for inputs in any storage. */
  void backward(Inputs x, double[] outputGradient);

  /** Zeroes the weight gradient, which sparse inputs otherwise clear only where they wrote. */
  void clearWeightGradients();
}
