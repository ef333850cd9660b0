package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.nnj.activations.Activation;
import dev.nnj.activations.ActivationsModule;
import dev.nnj.core.EpochResult;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.Trainer;
import dev.nnj.core.TrainingConfig;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.Examples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "add your own activation", bound through Guice beside the built-ins and trained. */
class CustomActivationTest {

  /** Softsign, {@code z / (1 + |z|)}: the README's example of a user's own activation. */
  static final class Softsign implements Activation {
    @Override public void apply(double[] z, double[] a, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        a[i] = z[i] / (1 + Math.abs(z[i]));
      }
    }

    @Override public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        double d = 1 + Math.abs(z[i]);
        gradient[i] *= 1 / (d * d);
      }
    }
  }

  static final class MyModule extends AbstractModule {
    @Override protected void configure() {
      ActivationsModule.activationBinder(binder()).addBinding("softsign").to(Softsign.class);
    }
  }

  @Test
  void userActivation_isBoundBesideTheBuiltInsAndTrains() {
    Registry registry = Guice.createInjector(new NnjModule(), new MyModule()).getInstance(Registry.class);
    Activation softsign = registry.activation("softsign");
    assertThat(softsign).isInstanceOf(Softsign.class);
    assertThat(registry.activation("sigmoid")).isNotNull();

    Examples data = ExperimentSpecTest.Xor.points(400, 3);
    NetworkSpec spec = new NetworkSpec(List.of(2, 8, 2), List.of(softsign, registry.activation("sigmoid")));
    Network network = Network.initialised(spec, 5);
    List<EpochResult> results = new Trainer(registry.cost("quadratic"), registry.optimizer("sgd").withLearningRate(2.0))
        .train(network, data, data, new TrainingConfig(60, 10, 5), TrainingListener.NONE).epochs();
    // XOR is not linearly separable: above 90 % needs the softsign hidden layer to work.
    assertThat(results.get(results.size() - 1).accuracy()).isGreaterThan(0.9);
  }

  @Test
  void unknownName_listsTheKnownOnes() {
    Registry registry = Guice.createInjector(new NnjModule(), new MyModule()).getInstance(Registry.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.activation("swish"))
        .hasMessage("unknown activation 'swish'; known: elu, identity, leaky-relu, relu, sigmoid, "
            + "softmax, softplus, softsign, tanh");
  }
}
