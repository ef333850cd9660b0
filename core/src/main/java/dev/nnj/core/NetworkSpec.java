package dev.nnj.core;

import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a network: the shape of one input example and the stack of layers after it,
 * each taking what the one before gives. Chapter 1's {@code [784, 30, 10]} is
 * {@code new NetworkSpec(List.of(784, 30, 10), …)}, a stack of dense layers.
 *
 * @param input the shape of one example
 * @param layers the layers, first after the input first; at least one
 * @param precision how the layers keep their parameters: {@code double}, the book's, unless a
 *     run asks for {@code float}
 */
public record NetworkSpec(Shape input, List<Layer> layers, Precision precision) {

  /** Validates every layer against the shape it is given and the precision, and copies. */
  public NetworkSpec {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(layers, "layers");
    Objects.requireNonNull(precision, "precision");
    if (layers.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("layers must not contain null: " + layers);
    }
    layers = List.copyOf(layers);
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one layer after its input");
    }
    Shape shape = input;
    for (int l = 0; l < layers.size(); l++) {
      try {
        shape = layers.get(l).outputShape(shape);
      } catch (IllegalArgumentException cannot) {
        throw new IllegalArgumentException("layer " + (l + 1) + " (" + layers.get(l)
            + ") cannot take an input of shape " + shape + ": " + cannot.getMessage(), cannot);
      }
    }
    shape = input;
    for (int l = 0; l < layers.size(); l++) {
      if (!layers.get(l).supports(precision, shape)) {
        throw new IllegalArgumentException("layer " + (l + 1) + " (" + layers.get(l)
            + ") keeps its parameters in double only; \"precision\": \""
            + precision.jsonName() + "\" takes dense layers and layers without parameters");
      }
      shape = layers.get(l).outputShape(shape);
    }
  }

  /** A network of these layers with its parameters in double, the book's precision. */
  public NetworkSpec(Shape input, List<Layer> layers) {
    this(input, layers, Precision.DOUBLE);
  }

  /**
   * A stack of dense layers, as the book writes its networks: {@code sizes} input first, each
   * later size a layer with its activation.
   *
   * @param sizes the number of neurons per layer, e.g. {@code [784, 30, 10]}; at least two, each ≥ 1
   * @param activations one per layer after the input: {@code sizes.size() − 1} of them
   */
  public NetworkSpec(List<Integer> sizes, List<Activation> activations) {
    this(sizes, activations, 0.0);
  }

  /**
   * {@link #NetworkSpec(List, List)} with dropout of probability {@code dropout} after every
   * hidden layer (none when it is 0): the form of chapter 3's experiments.
   */
  public NetworkSpec(List<Integer> sizes, List<Activation> activations, double dropout) {
    this(Shape.flat(checkSizes(sizes, activations).get(0)), dense(sizes, activations, dropout));
  }

  private static List<Integer> checkSizes(List<Integer> sizes, List<Activation> activations) {
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(activations, "activations");
    if (sizes.size() < 2) {
      throw new IllegalArgumentException(
          "sizes must name an input and at least one more layer: " + sizes);
    }
    for (Integer size : sizes) {
      if (size == null || size < 1) {
        throw new IllegalArgumentException("every layer size must be >= 1: " + sizes);
      }
    }
    if (activations.size() != sizes.size() - 1) {
      throw new IllegalArgumentException(
          "need one activation per layer after the input (" + (sizes.size() - 1) + "), got "
              + activations.size());
    }
    return sizes;
  }

  private static List<Layer> dense(List<Integer> sizes, List<Activation> activations,
      double dropout) {
    if (dropout != 0.0) {
      new Dropout(dropout); // refuses a rate outside [0, 1) before anything is built
    }
    List<Layer> layers = new ArrayList<>();
    for (int l = 1; l < sizes.size(); l++) {
      layers.add(new Dense(sizes.get(l), activations.get(l - 1)));
      if (dropout > 0 && l + 1 < sizes.size()) {
        layers.add(new Dropout(dropout));
      }
    }
    return layers;
  }

  /** The same activation in every layer, as in Nielsen's chapter 1 (all sigmoid). */
  public static NetworkSpec of(List<Integer> sizes, Activation activation) {
    Objects.requireNonNull(activation, "activation");
    return new NetworkSpec(sizes, Collections.nCopies(Math.max(sizes.size() - 1, 0), activation));
  }

  /**
   * The book's sizes: the input size, then the size each layer gives. For a stack of dense
   * layers this is {@code [784, 30, 10]}.
   */
  public List<Integer> sizes() {
    List<Integer> sizes = new ArrayList<>();
    sizes.add(input.size());
    for (Shape shape : outputShapes()) {
      sizes.add(shape.size());
    }
    return List.copyOf(sizes);
  }

  /** The activations of the dense layers, in order. */
  public List<Activation> activations() {
    return layers.stream().filter(Dense.class::isInstance)
        .map(layer -> ((Dense) layer).activation()).toList();
  }

  /** The shape each layer gives, in order. */
  public List<Shape> outputShapes() {
    List<Shape> shapes = new ArrayList<>();
    Shape shape = input;
    for (Layer layer : layers) {
      shape = layer.outputShape(shape);
      shapes.add(shape);
    }
    return shapes;
  }

  /** This spec for another input shape (the data's), its layers unchanged. */
  public NetworkSpec withInput(Shape input) {
    return new NetworkSpec(input, layers, precision);
  }

  /** This network with its parameters in {@code precision}. */
  public NetworkSpec withPrecision(Precision precision) {
    return new NetworkSpec(input, layers, precision);
  }

  /**
   * Refuses a cost whose output error assumes another output activation than this network's
   * last layer has (cross-entropy's {@code δ = a − y} holds for sigmoid outputs, log-likelihood's
   * for softmax), so that a mismatch is reported before any data is loaded.
   *
   * @throws IllegalArgumentException naming the cost and both activations
   */
  public void checkCost(Cost cost) {
    checkCost(cost, layers.get(layers.size() - 1));
  }

  /** {@link #checkCost(Cost)} for a network whose last layer is {@code output}. */
  public static void checkCost(Cost cost, Layer output) {
    Backpropagation.checkPairing(cost, output);
  }

  /** The number of inputs. */
  public int inputSize() {
    return input.size();
  }

  /** The number of outputs of the last layer. */
  public int outputSize() {
    List<Shape> shapes = outputShapes();
    return shapes.get(shapes.size() - 1).size();
  }
}
