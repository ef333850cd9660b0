package dev.nnj.core;

import dev.nnj.optimizers.OptimizerState;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's parameter blocks, or their gradients, in the network's {@link Precision}, with
 * what training does to all of them at once: step them with an optimizer, add a regularisation
 * term, copy them for the best epoch, check them for divergence. The one place where training
 * tells {@code double} from {@code float}.
 *
 * <p>Copies ({@link #snapshot}) are always {@code double}: widening a {@code float} is exact, so
 * a copy put back with {@link #copyFrom} restores the same bits in either precision.
 */
final class Blocks {

  private final double[][] doubles;
  private final float[][] floats;

  private Blocks(double[][] doubles, float[][] floats) {
    if (doubles.length > 0 && floats.length > 0) {
      throw new IllegalArgumentException("a network keeps its parameters in one precision, but "
          + "has " + doubles.length + " double and " + floats.length + " float blocks");
    }
    this.doubles = doubles;
    this.floats = floats;
  }

  /** Every layer's parameter blocks, layer by layer. */
  static Blocks parametersOf(List<BuiltLayer> layers) {
    List<double[]> doubles = new ArrayList<>();
    List<float[]> floats = new ArrayList<>();
    for (BuiltLayer layer : layers) {
      doubles.addAll(List.of(layer.parameters()));
      floats.addAll(List.of(layer.floatParameters()));
    }
    return new Blocks(doubles.toArray(new double[0][]), floats.toArray(new float[0][]));
  }

  /** One layer's parameter blocks. */
  static Blocks parametersOf(BuiltLayer layer) {
    return new Blocks(layer.parameters(), layer.floatParameters());
  }

  /** Every workspace's gradient blocks, layer by layer. */
  static Blocks gradientsOf(BuiltLayer.Pass[] passes) {
    List<double[]> doubles = new ArrayList<>();
    List<float[]> floats = new ArrayList<>();
    for (BuiltLayer.Pass pass : passes) {
      doubles.addAll(List.of(pass.gradients()));
      floats.addAll(List.of(pass.floatGradients()));
    }
    return new Blocks(doubles.toArray(new double[0][]), floats.toArray(new float[0][]));
  }

  /** How many gradient blocks one workspace has. */
  static int count(BuiltLayer.Pass pass) {
    return pass.gradients().length + pass.floatGradients().length;
  }

  /** The blocks in double; empty in float. */
  double[][] doubles() {
    return doubles;
  }

  /** The blocks in float; empty in double. */
  float[][] floats() {
    return floats;
  }

  /** The number of blocks. */
  int count() {
    return doubles.length + floats.length;
  }

  /** Each block's length, in order. */
  int[] lengths() {
    int[] lengths = new int[count()];
    for (int b = 0; b < lengths.length; b++) {
      lengths[b] = length(b);
    }
    return lengths;
  }

  private int length(int block) {
    return doubles.length > 0 ? doubles[block].length : floats[block].length;
  }

  /** Block {@code b}'s value {@code i}, widened to double. */
  double get(int b, int i) {
    return doubles.length > 0 ? doubles[b][i] : floats[b][i];
  }

  /** Sets block {@code b}'s value {@code i}, rounded to the precision. */
  void set(int b, int i, double value) {
    if (doubles.length > 0) {
      doubles[b][i] = value;
    } else {
      floats[b][i] = (float) value;
    }
  }

  /** A copy of every block, in double. */
  double[][] snapshot() {
    double[][] copy = new double[count()][];
    for (int b = 0; b < copy.length; b++) {
      copy[b] = new double[length(b)];
    }
    copyInto(copy);
    return copy;
  }

  /** Writes every block into {@code into}, whose blocks have the same lengths. */
  void copyInto(double[][] into) {
    for (int b = 0; b < doubles.length; b++) {
      System.arraycopy(doubles[b], 0, into[b], 0, doubles[b].length);
    }
    for (int b = 0; b < floats.length; b++) {
      float[] from = floats[b];
      double[] to = into[b];
      for (int i = 0; i < from.length; i++) {
        to[i] = from[i];
      }
    }
  }

  /** Sets every block from {@code saved}, rounded to the precision (exact for a snapshot). */
  void copyFrom(double[][] saved) {
    for (int b = 0; b < doubles.length; b++) {
      System.arraycopy(saved[b], 0, doubles[b], 0, doubles[b].length);
    }
    for (int b = 0; b < floats.length; b++) {
      float[] to = floats[b];
      double[] from = saved[b];
      for (int i = 0; i < to.length; i++) {
        to[i] = (float) from[i];
      }
    }
  }

  /** Whether every value is finite. */
  boolean allFinite() {
    for (double[] block : doubles) {
      for (double value : block) {
        if (!Double.isFinite(value)) {
          return false;
        }
      }
    }
    for (float[] block : floats) {
      for (float value : block) {
        if (!Float.isFinite(value)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code Σ λR(w)} over the blocks that {@code weightBlocks} flags as weights. */
  double penalty(Regularization regularization, boolean[] weightBlocks) {
    double sum = 0.0;
    for (int b = 0; b < doubles.length; b++) {
      if (weightBlocks[b]) {
        sum += regularization.penalty(doubles[b]);
      }
    }
    for (int b = 0; b < floats.length; b++) {
      if (weightBlocks[b]) {
        sum += regularization.penalty(floats[b]);
      }
    }
    return sum;
  }

  /** Adds the regularisation's term to the {@code gradients} of these parameters' weight blocks. */
  void addRegularization(Regularization regularization, boolean[] weightBlocks, Blocks gradients,
      int batchSize, int trainingSize) {
    for (int b = 0; b < doubles.length; b++) {
      if (weightBlocks[b]) {
        regularization.addGradient(doubles[b], gradients.doubles[b], batchSize, trainingSize);
      }
    }
    for (int b = 0; b < floats.length; b++) {
      if (weightBlocks[b]) {
        regularization.addGradient(floats[b], gradients.floats[b], batchSize, trainingSize);
      }
    }
  }

  /** One optimizer step of every block, by {@code gradients}. */
  void step(OptimizerState state, Blocks gradients, int batchSize, double learningRate) {
    if (floats.length > 0) {
      state.step(floats, gradients.floats, batchSize, learningRate);
    } else {
      state.step(doubles, gradients.doubles, batchSize, learningRate);
    }
  }

  /** One optimizer step, where only {@code blocks[0 .. count)} can have a non-zero gradient. */
  void step(OptimizerState state, Blocks gradients, int[] blocks, int count, int batchSize,
      double learningRate) {
    if (floats.length > 0) {
      state.step(floats, gradients.floats, blocks, count, batchSize, learningRate);
    } else {
      state.step(doubles, gradients.doubles, blocks, count, batchSize, learningRate);
    }
  }
}
