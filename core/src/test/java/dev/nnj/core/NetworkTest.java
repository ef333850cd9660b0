package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Sigmoid;
import dev.nnj.datasets.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void feedforward_computesTheBooksEquationByHand() {
    // [2, 2, 1]: a² = σ(w² x + b²), a³ = σ(w³ a² + b³), with w_jk in the book's indexing.
    Network network = Network.zeros(NetworkSpec.of(List.of(2, 2, 1), new Sigmoid()));
    DenseLayer hidden = network.denseLayers().get(0);
    hidden.setWeight(0, 0, 0.5);
    hidden.setWeight(0, 1, -1.0);
    hidden.setWeight(1, 0, 2.0);
    hidden.setWeight(1, 1, 0.25);
    hidden.setBias(0, 0.1);
    hidden.setBias(1, -0.3);
    DenseLayer output = network.denseLayers().get(1);
    output.setWeight(0, 0, 1.5);
    output.setWeight(0, 1, -2.0);
    output.setBias(0, 0.2);

    double[] x = {0.8, 0.4};
    double h0 = sigmoid(0.5 * 0.8 - 1.0 * 0.4 + 0.1);
    double h1 = sigmoid(2.0 * 0.8 + 0.25 * 0.4 - 0.3);
    double expected = sigmoid(1.5 * h0 - 2.0 * h1 + 0.2);

    assertThat(network.feedforward(x)).containsExactly(new double[] {expected}, within(1e-15));
  }

  @Test
  void initialised_drawsStandardNormalParameters() {
    Network network = Network.initialised(NetworkSpec.of(List.of(784, 30, 10), new Sigmoid()), 3);
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (double[] block : network.parameterSnapshot()) {
      for (double value : block) {
        sum += value;
        squares += value * value;
        n++;
      }
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    // n = 23,860 draws: the standard error of the mean is 1/√n ≈ 0.0065 and of the variance
    // √(2/n) ≈ 0.009, so five standard errors are 0.033 and 0.046.
    assertThat(n).isEqualTo(784 * 30 + 30 + 30 * 10 + 10);
    assertThat(mean).isCloseTo(0.0, within(0.033));
    assertThat(variance).isCloseTo(1.0, within(0.046));
  }

  @Test
  void initialised_isDeterminedByItsSeed() {
    NetworkSpec spec = NetworkSpec.of(List.of(5, 4, 3), new Sigmoid());
    assertThat(Network.initialised(spec, 42).parameterSnapshot())
        .isDeepEqualTo(Network.initialised(spec, 42).parameterSnapshot());
    assertThat(Network.initialised(spec, 42).parameterSnapshot())
        .isNotEqualTo(Network.initialised(spec, 43).parameterSnapshot());
  }

  @Test
  void evaluate_countsArgmaxPredictionsEqualToTheLabels() {
    Examples data = TestNetworks.separable(1234, 6, 3, 5);
    Network network = Network.initialised(NetworkSpec.of(List.of(6, 5, 3), new Sigmoid()), 9);
    int expected = 0;
    double[] x = new double[6];
    for (int i = 0; i < data.size(); i++) {
      data.copyFeatures(i, x, 0);
      if (network.predict(x) == data.label(i)) {
        expected++;
      }
    }
    assertThat(network.evaluate(data)).isEqualTo(expected);
  }

  @Test
  void evaluate_refusesDataOfAnotherShape() {
    Network network = Network.initialised(NetworkSpec.of(List.of(5, 3), new Sigmoid()), 1);
    assertThatThrownBy(() -> network.evaluate(TestNetworks.separable(4, 6, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the first layer size is 5 but the data has 6 features per example");
  }

  @Test
  void spec_refusesBadShapes() {
    assertThatThrownBy(() -> NetworkSpec.of(List.of(784), new Sigmoid()))
        .hasMessageContaining("at least one more layer");
    assertThatThrownBy(() -> NetworkSpec.of(List.of(784, 0, 10), new Sigmoid()))
        .hasMessage("every layer size must be >= 1: [784, 0, 10]");
  }
}
