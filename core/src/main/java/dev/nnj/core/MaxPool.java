package dev.nnj.core;

import dev.nnj.core.kernels.Pooling;
import dev.nnj.datasets.Shape;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Non-overlapping max-pooling: each channel is cut into {@code size × size} windows (stride =
 * size) and each window gives its largest value, so {@code c × h × w} becomes
 * {@code c × h/size × w/size}. The size must divide the height and the width: an input it does
 * not divide is refused, never cropped. The gradient flows back to each window's largest value
 * only (the first, if several are equal). In JSON {@code {"type": "max-pool", "size": 2}}; bound
 * as {@code "max-pool"} with size 2, the book's.
 *
 * @param size the side of each window, ≥ 1
 */
public record MaxPool(int size) implements Layer {

  /** Refuses a size below one. */
  public MaxPool {
    if (size < 1) {
      throw new IllegalArgumentException("max-pool: size must be >= 1: " + size);
    }
  }

  /** The book's 2 × 2 pooling. */
  public MaxPool() {
    this(2);
  }

  @Override
  public Shape outputShape(Shape input) {
    if (input.height() % size != 0 || input.width() % size != 0) {
      throw new IllegalArgumentException("max-pool: windows of " + size + "×" + size
          + " do not divide an input of " + input + " (refused rather than cropped)");
    }
    return new Shape(input.channels(), input.height() / size, input.width() / size);
  }

  /** Per output value of each example, the value and the {@code int} index of its window's maximum. */
  @Override
  public LayerMemory memory(Shape input) {
    return LayerMemory.perExample(outputShape(input).size() * 3L / 2);
  }

  @Override
  public BuiltLayer build(Shape input) {
    return new Built(this, input, outputShape(input));
  }

  private record Built(MaxPool layer, Shape inputShape, Shape outputShape) implements BuiltLayer {
    @Override
    public BuiltLayer.Pass pass(int capacity) {
      return new Windows(layer.size, inputShape, outputShape, capacity);
    }
  }

  private static final class Windows implements BuiltLayer.Pass {
    private final int size;
    private final int height;
    private final int width;
    private final int inSize;
    private final int outSize;
    private final double[] out;
    /** Per output value of the last batch, the index in its example's input of the window's maximum. */
    private final int[] argmax;

    Windows(int size, Shape input, Shape output, int capacity) {
      this.size = size;
      this.height = input.height();
      this.width = input.width();
      this.inSize = input.size();
      this.outSize = output.size();
      this.out = new double[capacity * outSize];
      this.argmax = new int[capacity * outSize];
    }

    @Override
    public double[] forward(double[] input, int rows, boolean training, RandomGenerator random) {
      Pooling.maxForward(input, rows, inSize / (height * width), height, width, size, out,
          argmax);
      return out;
    }

    @Override
    public void backward(double[] input, double[] outputGradient, double[] inputGradient,
        int rows) {
      if (inputGradient != null) {
        Pooling.maxBackward(outputGradient, argmax, rows, inSize / (height * width), height,
            width, size, inputGradient);
      }
    }
  }
}
