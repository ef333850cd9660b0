package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nnj.core.Initialization;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The {@link Initialization} contract: call {@link #check} from a test of your own
 * initialisation. Runs stay reproducible only if an initialisation draws from the stream it is
 * given and from nothing else.
 *
 * <pre>{@code
 * @Test void lecun_keepsTheContract() {
 *   InitializationContract.check("lecun", new LeCun());
 * }
 * }</pre>
 */
public final class InitializationContract {

  /** (inputs, outputs) of the layers drawn: a first layer, a hidden one, a one-neuron one. */
  private static final int[][] SHAPES = {{784, 30}, {30, 10}, {1, 1}};
  private static final int DRAWS = 200;

  private InitializationContract() {}

  /** Every check below. */
  public static void check(String name, Initialization initialization) {
    drawsOnlyFromTheGivenStream(name, initialization);
    drawsFiniteValues(name, initialization);
  }

  /**
   * The same seed gives the same weights and biases, whatever was drawn before with another
   * stream: no hidden state, no randomness of its own.
   */
  public static void drawsOnlyFromTheGivenStream(String name, Initialization initialization) {
    double[] first = draws(initialization, new MersenneTwister(7));
    draws(initialization, new MersenneTwister(8));
    assertThat(draws(initialization, new MersenneTwister(7)))
        .as("%s: draws from a second stream of the same seed", name).containsExactly(first);
  }

  /** Every weight and bias is a finite number, for wide and narrow layers. */
  public static void drawsFiniteValues(String name, Initialization initialization) {
    double[] values = draws(initialization, new MersenneTwister(9));
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.isFinite(values[i]))
          .as("%s: draw %d is %s", name, i, values[i]).isTrue();
    }
  }

  private static double[] draws(Initialization initialization, RandomGenerator random) {
    double[] values = new double[SHAPES.length * DRAWS * 2];
    int next = 0;
    for (int[] shape : SHAPES) {
      for (int i = 0; i < DRAWS; i++) {
        values[next++] = initialization.weight(random, shape[0], shape[1]);
        values[next++] = initialization.bias(random, shape[0], shape[1]);
      }
    }
    return values;
  }
}
