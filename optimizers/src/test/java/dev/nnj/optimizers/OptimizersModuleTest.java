package dev.nnj.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersModuleTest {

  private static final Key<Map<String, Optimizer>> OPTIMIZERS =
      Key.get(new TypeLiteral<Map<String, Optimizer>>() {});

  private static final String[] BUILT_IN_NAMES = {
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"
  };

  @Test
  void injector_bindsExactlyTheBuiltInNamesSimplestFirst() {
    Map<String, Optimizer> optimizers =
        Guice.createInjector(new OptimizersModule()).getInstance(OPTIMIZERS);

    // MapBinder keeps binding order, which is the order the module's Javadoc lists.
    assertThat(optimizers.keySet()).containsExactly(BUILT_IN_NAMES);
  }

  @Test
  void injector_bindsTheDocumentedDefaults() {
    Map<String, Optimizer> optimizers =
        Guice.createInjector(new OptimizersModule()).getInstance(OPTIMIZERS);

    assertThat(optimizers.get("sgd")).isEqualTo(new Sgd(3.0));
    assertThat(OptimizersModule.DEFAULT_SGD_LEARNING_RATE).isEqualTo(3.0);
    assertThat(optimizers.get("momentum")).isEqualTo(new Momentum(0.1, 0.9));
    assertThat(optimizers.get("nesterov")).isEqualTo(new Nesterov(0.1, 0.9));
    assertThat(optimizers.get("adagrad")).isEqualTo(new AdaGrad(0.01, 1e-8));
    assertThat(optimizers.get("rmsprop")).isEqualTo(new RmsProp(0.001, 0.9, 1e-8));
    assertThat(optimizers.get("adam")).isEqualTo(new Adam(0.001, 0.9, 0.999, 1e-8));
    assertThat(optimizers.get("adamw")).isEqualTo(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01));
  }

  @Test
  void optimizerBinder_addsUserNameNextToBuiltIn() {
    Map<String, Optimizer> optimizers =
        Guice.createInjector(
                new OptimizersModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    OptimizersModule.optimizerBinder(binder())
                        .addBinding("slow-sgd")
                        .toInstance(new Sgd(0.01));
                  }
                })
            .getInstance(OPTIMIZERS);

    assertThat(optimizers).containsKeys(BUILT_IN_NAMES).containsKey("slow-sgd").hasSize(8);
    assertThat(optimizers.get("slow-sgd")).isEqualTo(new Sgd(0.01));
    assertThat(optimizers.get("sgd")).isEqualTo(new Sgd(3.0));
  }

  @Test
  void optimizerBinder_duplicateBuiltInNameFailsAtInjectorCreation() {
    AbstractModule shadowing =
        new AbstractModule() {
          @Override
          protected void configure() {
            OptimizersModule.optimizerBinder(binder()).addBinding("sgd").toInstance(new Sgd(0.1));
          }
        };

    assertThatThrownBy(() -> Guice.createInjector(new OptimizersModule(), shadowing))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("sgd");
  }
}
