package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.datasets.Shape;
import java.util.Objects;

/**
 * A valid 2-D convolution, stride 1, no padding, then the activation: {@code filters} kernels of
 * {@code kernel × kernel} over every input channel, so that an input of {@code c × h × w} gives
 * {@code filters × (h − kernel + 1) × (w − kernel + 1)}. In JSON
 * {@code {"type": "conv", "filters": 20, "kernel": 5, "activation": "sigmoid"}}; bound as
 * {@code "conv"} with the book's first layer, 20 sigmoid kernels of 5 × 5.
 *
 * <p>With {@code "pool": 2} it is chapter 6's {@code ConvPoolLayer}: the weighted inputs are
 * max-pooled in windows of 2 × 2 and σ is applied to the maxima, {@code a = σ(max z)}, as
 * {@code network3.py} does. For a non-decreasing σ (every activation nnj ships but softmax) that
 * is the value of this layer followed by {@link MaxPool}, {@code max σ(z)}, with σ taken on a
 * quarter of the values and the outputs never stored before pooling; where several values of a
 * window tie, the gradient still goes to the first largest {@code z}, which for ReLU and the
 * sigmoid carries the same zero or the same value. The pool must divide the convolution's output.
 *
 * @param filters the number of kernels, the output's channels, ≥ 1
 * @param kernel the side of each square kernel, ≥ 1
 * @param activation σ, applied to every output value
 * @param initialization how this layer's weights and biases are drawn, or null (left out in
 *     JSON) for the network's; {@code network3.py}'s is
 *     {@code {"type": "normal-over-fan-out", "poolArea": 4}} before a 2 × 2 pool
 * @param pool the side of the max-pooling windows before σ, ≥ 1, or null (left out in JSON) for
 *     none
 */
public record Conv(int filters, int kernel, Activation activation,
    @JsonInclude(JsonInclude.Include.NON_NULL) Initialization initialization,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer pool) implements Layer {

  /** Refuses sizes below one and a missing activation. */
  public Conv {
    if (pool != null && pool < 1) {
      throw new IllegalArgumentException("conv: pool must be >= 1: " + pool);
    }
    if (filters < 1) {
      throw new IllegalArgumentException("conv: filters must be >= 1: " + filters);
    }
    if (kernel < 1) {
      throw new IllegalArgumentException("conv: kernel must be >= 1: " + kernel);
    }
    Objects.requireNonNull(activation, "conv: activation");
  }

  /** A layer without pooling. */
  public Conv(int filters, int kernel, Activation activation, Initialization initialization) {
    this(filters, kernel, activation, initialization, null);
  }

  /** A layer initialised as the network says, without pooling. */
  public Conv(int filters, int kernel, Activation activation) {
    this(filters, kernel, activation, null, null);
  }

  /** The side of the pooling windows: 1 where there is none. */
  public int poolSize() {
    return pool == null ? 1 : pool;
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
    Shape convolved = convolvedShape(input);
    int size = poolSize();
    if (convolved.height() % size != 0 || convolved.width() % size != 0) {
      throw new IllegalArgumentException("conv: a pool of " + size + "×" + size
          + " does not divide the convolution's output of " + convolved
          + " (refused rather than cropped)");
    }
    return new Shape(filters, convolved.height() / size, convolved.width() / size);
  }

  /** The shape of the convolution before any pooling. */
  Shape convolvedShape(Shape input) {
    return new Shape(filters, input.height() - kernel + 1, input.width() - kernel + 1);
  }

  /** As in messages: {@code conv(filters=2, kernel=5, activation=relu, pool=2)}, unset parts left out. */
  @Override
  public String toString() {
    return "conv(filters=" + filters + ", kernel=" + kernel + ", activation=" + activation
        + (initialization == null ? "" : ", initialization=" + initialization)
        + (pool == null ? "" : ", pool=" + pool) + ")";
  }

  /**
   * {@code (c · kernel² + 1) · filters} parameters; per workspace their gradients and the
   * im2col buffers of two examples (their patch columns and products, and backward their
   * errors and columns by patch value), and per example {@code z} and {@code a} (see
   * {@link ConvLayer} and {@code Convolutions.Workspace}; the padding of its tiles is not counted);
   * with a pool, {@code z} and {@code a} of the pooled output and the maxima's indices (the
   * errors are not spread back over the whole output: the kernels read them pooled).
   */
  @Override
  public LayerMemory memory(Shape input) {
    Shape output = convolvedShape(input);
    long pooled = outputShape(input).size();
    long patch = (long) input.channels() * kernel * kernel;
    long positions = (long) output.height() * output.width();
    long weights = patch * filters;
    long parameters = weights + filters;
    long forward = weights + 2 * positions * patch + 2L * filters * positions;
    long backward = weights + 6L * filters * positions + 2 * patch * positions + weights + filters;
    long perExample = poolSize() == 1 ? 2L * output.size()
        : 2 * pooled + pooled / 2;
    return new LayerMemory(parameters, parameters + forward, backward, perExample);
  }

  @Override
  public ConvLayer build(Shape input) {
    outputShape(input);
    return new ConvLayer(this, input, convolvedShape(input));
  }
}
