package dev.nnj.core;

import dev.nnj.datasets.Shape;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Makes an input of any shape a flat vector of its size, its values in the order they are
 * stored; no parameters, nothing computed. {@link Dense} flattens by itself; this layer says so
 * in a spec and gives a flat shape to a layer that needs one. In JSON {@code {"type": "flatten"}}.
 */
public record Flatten() implements Layer {

  @Override
  public Shape outputShape(Shape input) {
    return Shape.flat(input.size());
  }

  /** Nothing: it hands its input on as it is. */
  @Override
  public LayerMemory memory(Shape input) {
    return LayerMemory.perExample(0);
  }

  @Override
  public BuiltLayer build(Shape input) {
    return new Built(this, input);
  }

  private record Built(Flatten layer, Shape inputShape) implements BuiltLayer {
    @Override
    public Shape outputShape() {
      return Shape.flat(inputShape.size());
    }

    @Override
    public BuiltLayer.Pass pass(int capacity) {
      int size = inputShape.size();
      return new BuiltLayer.Pass() {
        @Override
        public double[] forward(double[] input, int rows, boolean training,
            RandomGenerator random) {
          return input;
        }

        @Override
        public void backward(double[] input, double[] outputGradient, double[] inputGradient,
            int rows) {
          if (inputGradient != null) {
            System.arraycopy(outputGradient, 0, inputGradient, 0, rows * size);
          }
        }
      };
    }
  }
}
