package dev.nnj.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The published checks over every built-in part, pulled from Guice as a user's would be. */
class BuiltInPartsContractTest {

  private static final Injector INJECTOR = Guice.createInjector(new NnjModule());
  private static final ObjectMapper MAPPER = INJECTOR.getInstance(Registry.class).jsonMapper();

  static Stream<Arguments> activations() {
    return INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Activation>>() {}))
        .entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
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
    return INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Cost>>() {}))
        .entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void cost_keepsTheContract(String name, Cost cost) {
    CostContract.check(name, cost);
  }

  static Stream<Arguments> optimizers() {
    return INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Optimizer>>() {}))
        .entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
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
