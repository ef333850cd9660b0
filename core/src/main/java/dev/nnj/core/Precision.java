package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a network stores its parameters: {@code double}, in which the book's figures are
 * reproduced and the gradients checked, or {@code float}, which halves the memory every weight
 * and gradient takes and so the traffic that bounds the kernels' speed (see
 * {@link dev.nnj.core.kernels.FloatMatrices}). In JSON {@code "double"} or {@code "float"}.
 *
 * <p>In single precision the weights, their gradients and the sums of the weighted inputs are
 * {@code float}; activations, errors and costs stay {@code double}, each weighted input widened
 * to {@code double} for the activation and each error rounded to {@code float} for the weight
 * gradients. SGD and Adam step float parameters in float arithmetic (Adam keeping its moments in
 * float, in PyTorch's form of the bias correction); every other optimizer steps a {@code double}
 * copy and rounds the result (see {@code OptimizerState}). Only dense layers and layers without
 * parameters take {@code float}; a network with convolutions is refused. A float run is as
 * deterministic as a double one, whatever the thread count, but not the same run: its figures
 * differ from the double run's, by about as much as one seed's from another's.
 */
public enum Precision {
  /** Parameters in {@code double}: the default, and the book's. */
  DOUBLE,
  /** Parameters in {@code float}: faster where the weights' traffic bounds the speed. */
  FLOAT;

  /** The JSON name: {@code "double"} or {@code "float"}. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The precision named {@code "double"} or {@code "float"}.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  @JsonCreator
  public static Precision named(String name) {
    for (Precision precision : values()) {
      if (precision.jsonName().equals(name)) {
        return precision;
      }
    }
    throw new IllegalArgumentException(
        "precision must be \"double\" or \"float\": \"" + name + "\"");
  }
}
