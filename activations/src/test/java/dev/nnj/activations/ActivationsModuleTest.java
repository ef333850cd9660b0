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

  /** A user's own activation: the identity, enough to tell it apart from the sigmoid. */
  static final class Identity implements Activation {
    @Override
    public void apply(double[] z, double[] a, int rows, int cols) {
      System.arraycopy(z, 0, a, 0, rows * cols);
    }

    @Override
    public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {}
  }

  @Test
  void injector_bindsSigmoidUnderItsName() {
    Map<String, Activation> activations =
        Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS);

    assertThat(activations).containsOnlyKeys("sigmoid");
    assertThat(activations.get("sigmoid")).isInstanceOf(Sigmoid.class);
  }

  @Test
  void activationBinder_addsUserNameNextToBuiltIn() {
    Identity identity = new Identity();
    Map<String, Activation> activations =
        Guice.createInjector(
                new ActivationsModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    ActivationsModule.activationBinder(binder())
                        .addBinding("identity")
                        .toInstance(identity);
                  }
                })
            .getInstance(ACTIVATIONS);

    assertThat(activations).containsOnlyKeys("sigmoid", "identity");
    assertThat(activations.get("identity")).isSameAs(identity);
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
                .toInstance(new Identity());
          }
        };

    assertThatThrownBy(() -> Guice.createInjector(new ActivationsModule(), shadowing))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("sigmoid");
  }
}
