package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How a layer's weights and biases are drawn before training.
 *
 * <p>Chapter 1 draws everything from N(0, 1); chapter 3 shows that weights of standard deviation
 * {@code 1/√n_in} keep the weighted inputs {@code z} small, so sigmoid neurons do not start
 * saturated and learning is faster. Glorot and He are the common choices for tanh and ReLU
 * networks. Implementations are immutable values; add your own with
 * {@link CoreModule#initializationBinder}. In JSON: {@code {"type": "normal-over-fan-in"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Initialization {

  /** One weight of a layer with {@code inputs} inputs and {@code outputs} neurons. */
  double weight(RandomGenerator random, int inputs, int outputs);

  /** One bias of a layer with {@code inputs} inputs and {@code outputs} neurons. */
  double bias(RandomGenerator random, int inputs, int outputs);
}
