package dev.nnj.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The published checks over every built-in part, pulled from Guice as a user's would be. */
class BuiltInPartsContractTest {

  private static final Injector INJECTOR = Guice.createInjector(new NnjModule());
  private static final ObjectMapper MAPPER = INJECTOR.getInstance(Registry.class).jsonMapper();

  static Stream<Arguments> activations() {
    return partsOf(Activation.class);
  }

  /** The bound parts of one family, as (name, part). */
  private static Stream<Arguments> partsOf(Class<?> family) {
    return INJECTOR.getInstance(Registry.class).parts().stream()
        .filter(part -> part.family() == family)
        .map(part -> Arguments.of(part.name(), part.instance()));
  }

  static Stream<Arguments> namedParts() {
    return INJECTOR.getInstance(Registry.class).parts().stream()
        .map(part -> Arguments.of(part.name(), part.instance(), part.family()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activation_keepsTheContract(String name, Activation activation) {
    ActivationContract.check(name, activation);
  }

  static Stream<Arguments> costs() {
    return partsOf(Cost.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void cost_keepsTheContract(String name, Cost cost) {
    CostContract.check(name, cost);
  }

  static Stream<Arguments> optimizers() {
    return partsOf(Optimizer.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void optimizer_keepsTheContract(String name, Optimizer optimizer) {
    OptimizerContract.check(name, optimizer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedParts")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void part_roundTripsThroughJsonUnderItsName(String name, Object part, Class family) {
    JsonContract.check(name, part, family, MAPPER);
  }
}
