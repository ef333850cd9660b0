package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Sigmoid;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitializationTest {

  /** Sample standard deviation of the first layer's weights of a [400, 50, 10] network. */
  private static double[] firstLayerStats(Initialization initialization) {
    Network network = Network.initialised(
        NetworkSpec.of(List.of(400, 50, 10), new Sigmoid()), initialization, 11);
    DenseLayer layer = network.denseLayers().get(0);
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int j = 0; j < layer.outputs(); j++) {
      for (int k = 0; k < layer.inputs(); k++) {
        sum += layer.weight(j, k);
        squares += layer.weight(j, k) * layer.weight(j, k);
        n++;
      }
    }
    double biasSquares = 0;
    for (int j = 0; j < layer.outputs(); j++) {
      biasSquares += layer.bias(j) * layer.bias(j);
    }
    return new double[] {sum / n, Math.sqrt(squares / n), Math.sqrt(biasSquares / layer.outputs())};
  }

  // 20,000 weights: the sample standard deviation is within about 1 % (√(1/2n) ≈ 0.5 %) of the
  // true one, so a 3 % relative tolerance separates 1/√400 = 0.05 from, say, √(2/400) = 0.0707.

  @Test
  void standardNormal_drawsUnitVariance() {
    assertThat(firstLayerStats(new StandardNormal())[1]).isCloseTo(1.0, within(0.03));
  }

  @Test
  void normalOverFanIn_drawsOneOverRootFanIn() {
    double[] stats = firstLayerStats(new NormalOverFanIn());
    assertThat(stats[1]).isCloseTo(1 / Math.sqrt(400), within(0.03 / Math.sqrt(400)));
    assertThat(stats[2]).as("biases stay N(0, 1)").isGreaterThan(0.5);
  }

  @Test
  void glorot_drawsTwoOverFanInPlusFanOut() {
    double[] stats = firstLayerStats(new Glorot());
    double expected = Math.sqrt(2.0 / 450);
    assertThat(stats[1]).isCloseTo(expected, within(0.03 * expected));
    assertThat(stats[2]).isZero();
  }

  @Test
  void he_drawsTwoOverFanIn() {
    double[] stats = firstLayerStats(new He());
    double expected = Math.sqrt(2.0 / 400);
    assertThat(stats[1]).isCloseTo(expected, within(0.03 * expected));
    assertThat(stats[2]).isZero();
  }

  @Test
  void initialised_withStandardNormalIsChapterOnesNetwork() {
    NetworkSpec spec = NetworkSpec.of(List.of(5, 4, 3), new Sigmoid());
    assertThat(Network.initialised(spec, new StandardNormal(), 9).parameterSnapshot())
        .isDeepEqualTo(Network.initialised(spec, 9).parameterSnapshot());
  }
}
