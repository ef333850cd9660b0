package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.nnj.datasets.Shape;

/**
 * One kind of layer with its hyperparameters — {@code dense} with its units and activation,
 * {@code dropout} with its rate — as an immutable value: the extension point for layers, bound
 * by name with {@link CoreModule#layerBinder} and named by that name in JSON
 * ({@code {"type": "dense", "units": 30, "activation": "sigmoid"}}).
 *
 * <p>A network is a stack of layers, each built for the shape the previous one gives: the first
 * for the shape of the data's examples. {@link #build} makes the {@link BuiltLayer} that owns
 * the parameters and runs forward and backward.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Layer {

  /**
   * The shape this layer gives for one example of shape {@code input}.
   *
   * @throws IllegalArgumentException naming the layer and the shape, when it cannot take it
   */
  Shape outputShape(Shape input);

  /** This layer built for inputs of shape {@code input}, its parameters zero. */
  BuiltLayer build(Shape input);

  /**
   * This layer built for inputs of shape {@code input} with its parameters in {@code precision}.
   * The default builds {@link #build(Shape)} for either precision when the layer has no
   * parameters (dropout, pooling), and refuses single precision for a layer that has: override
   * both this and {@link #supports} to give a layer a {@code float} form.
   *
   * @throws IllegalArgumentException when the layer cannot keep its parameters in {@code precision}
   */
  default BuiltLayer build(Shape input, Precision precision) {
    if (!supports(precision, input)) {
      throw new IllegalArgumentException(this + " keeps its parameters in double only; "
          + "\"precision\": \"" + precision.jsonName() + "\" takes dense layers and layers "
          + "without parameters");
    }
    return build(input);
  }

  /**
   * Whether this layer, built for {@code input}, can keep its parameters in {@code precision}:
   * by default double always, float when it has no parameters.
   */
  default boolean supports(Precision precision, Shape input) {
    return precision == Precision.DOUBLE || memory(input).parameters() == 0;
  }

  /**
   * What this layer built for {@code input} will hold, computed without building it. The
   * default, for a layer without parameters, counts its output per example; a layer with
   * parameters or larger workspaces overrides it. Counting less than the layer allocates keeps
   * the estimate a lower bound (a run it lets through may still run out of memory); counting
   * more would refuse runs that fit.
   */
  default LayerMemory memory(Shape input) {
    return LayerMemory.perExample(outputShape(input).size());
  }
}
