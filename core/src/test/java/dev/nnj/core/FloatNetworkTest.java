package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.nnj.activations.Relu;
import dev.nnj.activations.Sigmoid;
import dev.nnj.activations.Softmax;
import dev.nnj.costs.LogLikelihood;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.Shape;
import dev.nnj.optimizers.Adam;
import dev.nnj.optimizers.Momentum;
import dev.nnj.optimizers.Sgd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network in single precision: built, initialised, trained, saved and refused where it cannot be. */
class FloatNetworkTest {

  private final Examples training = TestNetworks.separable(500, 8, 3, 1);
  private final Examples test = TestNetworks.separable(300, 8, 3, 2);
  private final NetworkSpec spec = NetworkSpec.of(List.of(8, 6, 3), new Sigmoid());

  @Test
  void initialised_drawsTheDoubleNetworksValuesRoundedToFloat() {
    double[][] doubles = Network.initialised(spec, 5).parameterSnapshot();
    Network floats = Network.initialised(spec.withPrecision(Precision.FLOAT), 5);
    assertThat(floats.precision()).isEqualTo(Precision.FLOAT);
    assertThat(floats.layers()).allMatch(FloatDenseLayer.class::isInstance);
    double[][] widened = floats.parameterSnapshot();
    assertThat(widened.length).isEqualTo(doubles.length);
    for (int b = 0; b < doubles.length; b++) {
      for (int i = 0; i < doubles[b].length; i++) {
        assertThat(widened[b][i]).isEqualTo((double) (float) doubles[b][i]);
      }
    }
    FloatDenseLayer first = (FloatDenseLayer) floats.layers().get(0);
    assertThat(first.weight(2, 7)).isEqualTo(widened[7][2]); // the book's w_jk, stored by k
    assertThat(first.bias(4)).isEqualTo(widened[8][4]);
  }

  /**
   * The same network in float and in double (its weights exact in both) gives gradients equal to
   * single precision's rounding: a float gradient check against the double one, which the
   * gradient checks of {@link BackpropagationTest} verify against finite differences.
   */
  @Test
  void gradients_agreeWithTheDoubleNetworksToSinglePrecision() {
    NetworkSpec deep = new NetworkSpec(List.of(8, 12, 7, 3),
        List.of(new Relu(), new Sigmoid(), new Softmax()));
    Network floats = Network.initialised(deep.withPrecision(Precision.FLOAT), 9);
    Network doubles = Network.zeros(deep);
    doubles.parameterBlocks().copyFrom(floats.parameterSnapshot());
    int rows = 20;
    double[] x = new double[rows * 8];
    double[] y = new double[rows * 3];
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < 8; k++) {
        x[r * 8 + k] = training.features()[r * 8 + k];
      }
      y[r * 3 + training.label(r)] = 1.0;
    }
    Backpropagation inFloat = new Backpropagation(floats, new LogLikelihood(), rows);
    Backpropagation inDouble = new Backpropagation(doubles, new LogLikelihood(), rows);
    double floatCost = inFloat.computeGradients(x, y, rows);
    double doubleCost = inDouble.computeGradients(x, y, rows);
    assertThat(floatCost).isCloseTo(doubleCost, within(1e-5 * Math.abs(doubleCost)));
    assertThat(inFloat.gradients()).isEmpty();
    float[][] floatGradients = inFloat.floatGradients();
    double[][] doubleGradients = inDouble.gradients();
    assertThat(floatGradients.length).isEqualTo(doubleGradients.length);
    double largest = 0;
    for (double[] block : doubleGradients) {
      for (double g : block) {
        largest = Math.max(largest, Math.abs(g));
      }
    }
    for (int b = 0; b < doubleGradients.length; b++) {
      for (int i = 0; i < doubleGradients[b].length; i++) {
        assertThat((double) floatGradients[b][i]).as("block %d entry %d", b, i)
            .isCloseTo(doubleGradients[b][i], within(1e-5 * largest));
      }
    }
  }

  @Test
  void train_inFloatIsDeterministicAndLearnsAsTheDoubleNetworkDoes() {
    double[][] once = trained(Precision.FLOAT, new Sgd(3.0), 17).parameterSnapshot();
    assertThat(trained(Precision.FLOAT, new Sgd(3.0), 17).parameterSnapshot()).isDeepEqualTo(once);
    assertThat(once).isNotEqualTo(trained(Precision.DOUBLE, new Sgd(3.0), 17).parameterSnapshot());
    for (var optimizer : List.of(new Sgd(3.0), new Adam(0.01, 0.9, 0.999, 1e-8),
        new Momentum(0.5, 0.9))) {
      int inDouble = trained(Precision.DOUBLE, optimizer, 3).evaluate(test);
      int inFloat = trained(Precision.FLOAT, optimizer, 3).evaluate(test);
      // Three classes, chance 100 of 300: both learn, and float lands near double.
      assertThat(inFloat).as("%s", optimizer).isGreaterThan(240).isCloseTo(inDouble,
          within(12));
    }
  }

  @Test
  void spec_refusesAFloatLayerThatKeepsItsParametersInDoubleOnly() {
    List<Layer> layers = List.of(new Conv(4, 5, new Relu()), new MaxPool(2), new Flatten(),
        new Dense(3, new Sigmoid()));
    NetworkSpec conv = new NetworkSpec(new Shape(1, 12, 12), layers);
    assertThatThrownBy(() -> conv.withPrecision(Precision.FLOAT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("layer 1 (" + layers.get(0) + ") keeps its parameters in double "
            + "only; \"precision\": \"float\" takes dense layers and layers without parameters");
    // Layers without parameters take either precision.
    assertThat(new NetworkSpec(List.of(8, 6, 3), List.of(new Relu(), new Sigmoid()), 0.5)
        .withPrecision(Precision.FLOAT).precision()).isEqualTo(Precision.FLOAT);
    assertThatThrownBy(() -> Precision.named("half"))
        .hasMessage("precision must be \"double\" or \"float\": \"half\"");
  }

  @Test
  void file_keepsAFloatNetworkToTheBit(@TempDir Path dir) throws Exception {
    Network network = trained(Precision.FLOAT, new Sgd(3.0), 4);
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerSubtypes(new NamedType(Sigmoid.class, "sigmoid"),
        new NamedType(Dense.class, "dense"), new NamedType(Quadratic.class, "quadratic"));
    Path file = dir.resolve("float.json");
    NetworkFile.write(file, network, new Quadratic(), null, mapper);
    assertThat(mapper.readTree(file.toFile()).get("precision").asText()).isEqualTo("float");
    Network read = NetworkFile.read(file, mapper).network();
    assertThat(read.precision()).isEqualTo(Precision.FLOAT);
    assertThat(read.parameterSnapshot()).isDeepEqualTo(network.parameterSnapshot());
    assertThat(read.evaluate(test)).isEqualTo(network.evaluate(test));

    Files.writeString(file, Files.readString(file).replace("\"float\"", "\"half\""));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageContaining("precision must be \"double\" or \"float\": \"half\"");
  }

  private Network trained(Precision precision, dev.nnj.optimizers.Optimizer optimizer, long seed) {
    Network network = Network.initialised(spec.withPrecision(precision), seed);
    new Trainer(new Quadratic(), optimizer).train(network, training, test,
        new TrainingConfig(20, 10, seed).withRegularization(new L2(0.1)), TrainingListener.NONE);
    return network;
  }
}
