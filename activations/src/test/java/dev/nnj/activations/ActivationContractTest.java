package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every activation bound in {@link ActivationsModule} for what nnj asks of its own: equal
 * values and the registry name as {@code toString}. The contract a user's activation must keep
 * too — the derivative against central differences, in-place use, the JSON round trip under its
 * name — is published in nnj-testing ({@code ActivationContract}, {@code JsonContract}), whose
 * own tests run it over every built-in part.
 */
class ActivationContractTest {

  private static final Key<Map<String, Activation>> ACTIVATIONS =
      Key.get(new TypeLiteral<Map<String, Activation>>() {});

  static Stream<Arguments> activations() {
    return Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS).entrySet().stream()
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  /** Two independent injectors, so the second instance is not the same object by construction. */
  private static Activation fromFreshInjector(String name) {
    return Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS).get(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void equals_holdsForInstancesFromTwoInjectors(String name, Activation activation) {
    Activation other = fromFreshInjector(name);

    assertThat(activation).isEqualTo(other).hasSameHashCodeAs(other);
  }

  /** The name, followed for a parameterised activation by its parameters: "leaky-relu(0.01)". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void toString_isRegistryName(String name, Activation activation) {
    assertThat(activation.toString()).matches(Pattern.quote(name) + "(\\(.+\\))?");
  }
}
