package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.datasets.Shape;
import java.util.Objects;

/**
 * A fully connected layer of {@code units} neurons, {@code a = σ(w a' + b)}: the book's layer.
 * It takes an input of any shape as a flat vector of its size. In JSON
 * {@code {"type": "dense", "units": 30, "activation": "sigmoid"}}; bound as {@code "dense"} with
 * 30 sigmoid units, chapter 1's hidden layer.
 *
 * @param units the number of neurons, ≥ 1
 * @param activation σ
 * @param initialization how this layer's weights and biases are drawn, or null (left out in
 *     JSON) for the network's; {@code network3.py}'s softmax layer is {@code "zeros"}
 */
public record Dense(int units, Activation activation,
    @JsonInclude(JsonInclude.Include.NON_NULL) Initialization initialization) implements Layer {

  /** Refuses {@code units} below one and a missing activation. */
  public Dense {
    if (units < 1) {
      throw new IllegalArgumentException("dense: units must be >= 1: " + units);
    }
    Objects.requireNonNull(activation, "dense: activation");
  }

  /** A layer initialised as the network says. */
  public Dense(int units, Activation activation) {
    this(units, activation, null);
  }

  /** Chapter 1's hidden layer: 30 sigmoid neurons. */
  public Dense() {
    this(30, new Sigmoid());
  }

  @Override
  public Shape outputShape(Shape input) {
    return Shape.flat(units);
  }

  /**
   * {@code (n_{l−1} + 1) · n_l} parameters; per workspace their gradients and two scratch rows,
   * once backward the weights transposed for BP2, and per example {@code z}, {@code a} and
   * {@code Δ} (see {@link DenseLayer}).
   */
  @Override
  public LayerMemory memory(Shape input) {
    long weights = (long) input.size() * units;
    long parameters = weights + units;
    return new LayerMemory(parameters, parameters + 2L * Math.max(input.size(), units), weights,
        3L * units);
  }

  @Override
  public DenseLayer build(Shape input) {
    return new DenseLayer(this, input);
  }

  /** A {@link DenseLayer} in double, a {@link FloatDenseLayer} in float. */
  @Override
  public BuiltLayer build(Shape input, Precision precision) {
    return precision == Precision.FLOAT ? new FloatDenseLayer(this, input) : build(input);
  }

  /** Either precision. */
  @Override
  public boolean supports(Precision precision, Shape input) {
    return true;
  }
}
