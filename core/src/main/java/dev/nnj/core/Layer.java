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
