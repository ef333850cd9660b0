package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.datasets.Shape;
import java.util.Objects;

/**
 * A valid 2-D convolution, stride 1, no padding, then the activation: {@code filters} kernels of
 * {@code kernel × kernel} over every input channel, so that an input of {@code c × h × w} gives
 * {@code filters × (h − kernel + 1) × (w − kernel + 1)}. Chapter 6's {@code ConvPoolLayer} is
 * this layer followed by {@link MaxPool}. In JSON
 * {@code {"type": "conv", "filters": 20, "kernel": 5, "activation": "sigmoid"}}; bound as
 * {@code "conv"} with the book's first layer, 20 sigmoid kernels of 5 × 5.
 *
 * @param filters the number of kernels, the output's channels, ≥ 1
 * @param kernel the side of each square kernel, ≥ 1
 * @param activation σ, applied to every output value
 * @param initialization how this layer's weights and biases are drawn, or null (left out in
 *     JSON) for the network's; {@code network3.py}'s is
 *     {@code {"type": "normal-over-fan-out", "poolArea": 4}} before a 2 × 2 pool
 */
public record Conv(int filters, int kernel, Activation activation,
    @JsonInclude(JsonInclude.Include.NON_NULL) Initialization initialization) implements Layer {

  /** Refuses sizes below one and a missing activation. */
  public Conv {
    if (filters < 1) {
      throw new IllegalArgumentException("conv: filters must be >= 1: " + filters);
    }
    if (kernel < 1) {
      throw new IllegalArgumentException("conv: kernel must be >= 1: " + kernel);
    }
    Objects.requireNonNull(activation, "conv: activation");
  }

  /** A layer initialised as the network says. */
  public Conv(int filters, int kernel, Activation activation) {
    this(filters, kernel, activation, null);
  }

  /** The book's first convolutional layer: 20 sigmoid kernels of 5 × 5. */
  public Conv() {
    this(20, 5, new Sigmoid());
  }

  /** Refuses a kernel larger than the input, and a flat input (CSV data) naming it. */
  @Override
  public Shape outputShape(Shape input) {
    if (input.isFlat() && kernel > 1) {
      throw new IllegalArgumentException("conv takes images (channels × height × width); the "
          + "input is a flat vector of " + input.width() + " values");
    }
    if (kernel > input.height() || kernel > input.width()) {
      throw new IllegalArgumentException("conv: a " + kernel + "×" + kernel
          + " kernel does not fit an input of " + input);
    }
    return new Shape(filters, input.height() - kernel + 1, input.width() - kernel + 1);
  }

  /**
   * {@code (c · kernel² + 1) · filters} parameters; per workspace their gradients and the
   * im2col buffers of two examples (their patch columns and products, and backward their
   * errors and columns by patch value), and per example {@code z} and {@code a} (see
   * {@link ConvLayer} and {@code Convolutions.Workspace}; the padding of its tiles is not counted).
   */
  @Override
  public LayerMemory memory(Shape input) {
    Shape output = outputShape(input);
    long patch = (long) input.channels() * kernel * kernel;
    long positions = (long) output.height() * output.width();
    long weights = patch * filters;
    long parameters = weights + filters;
    long forward = weights + 2 * positions * patch + 2L * filters * positions;
    long backward = weights + 4L * filters * positions + 2 * patch * positions + weights;
    return new LayerMemory(parameters, parameters + forward, backward, 2L * output.size());
  }

  @Override
  public ConvLayer build(Shape input) {
    return new ConvLayer(this, input, outputShape(input));
  }
}
