package dev.nnj.core;

import dev.nnj.datasets.Shape;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Dropout (Srivastava et al. 2014) on the layer before it, as {@code network3.py} puts it on
 * chosen layers: in training each value is kept with probability {@code 1 − rate} and the kept
 * ones are scaled by {@code 1/(1 − rate)} ("inverted" dropout), so inference uses the layer as it
 * is, unscaled and undropped. The masks are drawn from the trainer's seeded stream, one number
 * per value, so runs are reproducible and resumable. In JSON {@code {"type": "dropout",
 * "rate": 0.5}}; bound as {@code "dropout"} with rate 0.5.
 *
 * @param rate the probability of dropping each value, in [0, 1)
 */
public record Dropout(double rate) implements Layer {

  /** Refuses a rate outside [0, 1). */
  public Dropout {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout: rate must be in [0, 1): " + rate);
    }
  }

  /** {@code network3.py}'s rate, one half. */
  public Dropout() {
    this(0.5);
  }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  /** With a rate above 0, each value's mask and output per example; else nothing. */
  @Override
  public LayerMemory memory(Shape input) {
    return LayerMemory.perExample(rate > 0 ? 2L * input.size() : 0);
  }

  @Override
  public BuiltLayer build(Shape input) {
    return new Built(this, input);
  }

  private record Built(Dropout layer, Shape inputShape) implements BuiltLayer {
    @Override
    public Shape outputShape() {
      return inputShape;
    }

    @Override
    public long drawsPerExample() {
      return layer.rate > 0 ? inputShape.size() : 0;
    }

    @Override
    public BuiltLayer.Pass pass(int capacity) {
      return new MaskPass(layer.rate, inputShape.size(), capacity);
    }
  }

  private static final class MaskPass implements BuiltLayer.Pass {
    private final double rate;
    private final int size;
    /** Per value of the last training batch: 0 if dropped, else {@code 1/(1 − rate)}. */
    private final double[] keep;
    private final double[] out;
    private boolean dropped;

    MaskPass(double rate, int size, int capacity) {
      this.rate = rate;
      this.size = size;
      this.keep = new double[rate > 0 ? capacity * size : 0];
      this.out = new double[keep.length];
    }

    @Override
    public double[] forward(double[] input, int rows, boolean training, RandomGenerator random) {
      dropped = training && rate > 0;
      if (!dropped) {
        return input;
      }
      double scale = 1.0 / (1.0 - rate);
      for (int i = 0; i < rows * size; i++) {
        keep[i] = random.nextDouble() < rate ? 0.0 : scale;
        out[i] = input[i] * keep[i];
      }
      return out;
    }

    /** A dropped value passed nothing on, so no error flows back through it. */
    @Override
    public void backward(double[] input, double[] outputGradient, double[] inputGradient,
        int rows) {
      if (inputGradient == null) {
        return;
      }
      if (!dropped) {
        System.arraycopy(outputGradient, 0, inputGradient, 0, rows * size);
        return;
      }
      for (int i = 0; i < rows * size; i++) {
        inputGradient[i] = outputGradient[i] * keep[i];
      }
    }
  }
}
