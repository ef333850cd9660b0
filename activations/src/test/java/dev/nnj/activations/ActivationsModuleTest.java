package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationsModuleTest {

  private static final Key<Map<String, Activation>> ACTIVATIONS =
      Key.get(new TypeLiteral<Map<String, Activation>>() {});

  /** A user's own activation: {@code σ(z) = −z}, enough to tell it apart from the built-ins. */
  static final class Negation implements Activation {
    @Override
    public void apply(double[] z, double[] a, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        a[i] = -z[i];
      }
    }

    @Override
    public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        gradient[i] = -gradient[i];
      }
    }
  }

  @Test
  void injector_bindsExactlyTheBuiltInsUnderTheirNames() {
    Map<String, Activation> activations =
        Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS);

    assertThat(activations)
        .containsOnlyKeys(
            "identity", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus", "softmax");
    assertThat(activations.get("identity")).isInstanceOf(Identity.class);
    assertThat(activations.get("sigmoid")).isInstanceOf(Sigmoid.class);
    assertThat(activations.get("tanh")).isInstanceOf(Tanh.class);
    assertThat(activations.get("relu")).isInstanceOf(Relu.class);
    assertThat(activations.get("softplus")).isInstanceOf(Softplus.class);
    assertThat(activations.get("softmax")).isInstanceOf(Softmax.class);
  }

  @Test
  void injector_bindsParameterisedBuiltInsWithTheirDefaults() {
    Map<String, Activation> activations =
        Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS);

    assertThat(activations.get("leaky-relu")).isEqualTo(new LeakyRelu(0.01));
    assertThat(activations.get("elu")).isEqualTo(new Elu(1.0));
  }

  @Test
  void activationBinder_addsUserNameNextToBuiltIns() {
    Negation negation = new Negation();
    Map<String, Activation> activations =
        Guice.createInjector(
                new ActivationsModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    ActivationsModule.activationBinder(binder())
                        .addBinding("negation")
                        .toInstance(negation);
                  }
                })
            .getInstance(ACTIVATIONS);

    assertThat(activations).hasSize(9).containsKeys("sigmoid", "softmax", "negation");
    assertThat(activations.get("negation")).isSameAs(negation);
    assertThat(activations.get("sigmoid")).isInstanceOf(Sigmoid.class);
  }

  @Test
  void activationBinder_duplicateBuiltInNameFailsAtInjectorCreation() {
    AbstractModule shadowing =
        new AbstractModule() {
          @Override
          protected void configure() {
            ActivationsModule.activationBinder(binder())
                .addBinding("sigmoid")
                .toInstance(new Negation());
          }
        };

    assertThatThrownBy(() -> Guice.createInjector(new ActivationsModule(), shadowing))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("sigmoid");
  }
}
