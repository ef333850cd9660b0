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

  @Test
  void injector_bindsSgdWithBookLearningRate() {
    Map<String, Optimizer> optimizers =
        Guice.createInjector(new OptimizersModule()).getInstance(OPTIMIZERS);

    assertThat(optimizers).containsOnlyKeys("sgd");
    assertThat(optimizers.get("sgd")).isEqualTo(new Sgd(3.0));
    assertThat(OptimizersModule.DEFAULT_SGD_LEARNING_RATE).isEqualTo(3.0);
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

    assertThat(optimizers).containsOnlyKeys("sgd", "slow-sgd");
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
