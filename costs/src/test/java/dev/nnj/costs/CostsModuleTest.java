package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostsModuleTest {

  private static final Key<Map<String, Cost>> COSTS = Key.get(new TypeLiteral<Map<String, Cost>>() {});

  /** A user's own cost: the sum of absolute differences, enough to tell it apart. */
  static final class Absolute implements Cost {
    @Override
    public double cost(double[] a, double[] y, int rows, int cols) {
      double sum = 0.0;
      for (int i = 0; i < rows * cols; i++) {
        sum += Math.abs(a[i] - y[i]);
      }
      return sum;
    }

    @Override
    public void outputError(double[] a, double[] y, double[] error, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        error[i] = Math.signum(a[i] - y[i]);
      }
    }
  }

  @Test
  void injector_bindsExactlyTheBuiltInsUnderTheirNames() {
    Map<String, Cost> costs = Guice.createInjector(new CostsModule()).getInstance(COSTS);

    assertThat(costs).containsOnlyKeys("quadratic", "cross-entropy", "log-likelihood");
    assertThat(costs.get("quadratic")).isInstanceOf(Quadratic.class);
    assertThat(costs.get("cross-entropy")).isInstanceOf(CrossEntropy.class);
    assertThat(costs.get("log-likelihood")).isInstanceOf(LogLikelihood.class);
  }

  @Test
  void costBinder_addsUserNameNextToBuiltIn() {
    Absolute absolute = new Absolute();
    Map<String, Cost> costs =
        Guice.createInjector(
                new CostsModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    CostsModule.costBinder(binder()).addBinding("absolute").toInstance(absolute);
                  }
                })
            .getInstance(COSTS);

    assertThat(costs).containsOnlyKeys("quadratic", "cross-entropy", "log-likelihood", "absolute");
    assertThat(costs.get("absolute")).isSameAs(absolute);
    assertThat(costs.get("quadratic")).isInstanceOf(Quadratic.class);
  }

  @Test
  void costBinder_duplicateBuiltInNameFailsAtInjectorCreation() {
    AbstractModule shadowing =
        new AbstractModule() {
          @Override
          protected void configure() {
            CostsModule.costBinder(binder()).addBinding("quadratic").toInstance(new Absolute());
          }
        };

    assertThatThrownBy(() -> Guice.createInjector(new CostsModule(), shadowing))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("quadratic");
  }
}
