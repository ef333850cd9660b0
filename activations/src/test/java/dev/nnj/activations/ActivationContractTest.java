package dev.nnj.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every activation bound in {@link ActivationsModule} against the interface's contract. */
class ActivationContractTest {

  private static final Key<Map<String, Activation>> ACTIVATIONS =
      Key.get(new TypeLiteral<Map<String, Activation>>() {});
  private static final int ROWS = 3;
  private static final int COLS = 5;
  private static final ObjectMapper MAPPER = ActivationJson.builtIns();

  static Stream<Arguments> activations() {
    return Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS).entrySet().stream()
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  /** Two independent injectors, so the second instance is not the same object by construction. */
  private static Activation fromFreshInjector(String name) {
    return Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS).get(name);
  }

  /** {@code Σ_i g_i a_i(z)} over the block. */
  private static double weightedSum(Activation activation, double[] z, double[] g) {
    double[] a = new double[z.length];
    activation.apply(z, a, ROWS, COLS);
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += g[i] * a[i];
    }
    return sum;
  }

  /**
   * The derivative is a vector–Jacobian product {@code (∂a/∂z)ᵀ g}; its k-th entry is
   * {@code ∂/∂z_k Σ_i g_i a_i(z)}, which central differences approximate whether the activation is
   * element-wise (only i = k contributes) or per row (all i of k's row contribute).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void derivative_matchesCentralDifferenceOfVectorJacobianProduct(String name, Activation activation) {
    Random random = new Random(42);
    int n = ROWS * COLS;
    double[] z = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      // ReLU and leaky ReLU have a kink at 0, where a central difference straddling it averages
      // the two slopes. Redrawing until |z| ≥ 1e-3 = 100·h keeps z ± h on one side of the kink.
      do {
        z[i] = -4.0 + 8.0 * random.nextDouble();
      } while (Math.abs(z[i]) < 1e-3);
      g[i] = -1.0 + 2.0 * random.nextDouble();
    }
    double[] a = new double[n];
    activation.apply(z, a, ROWS, COLS);
    double[] gradient = g.clone();

    activation.derivative(z, a, gradient, ROWS, COLS);

    double h = 1e-5;
    for (int k = 0; k < n; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (weightedSum(activation, plus, g) - weightedSum(activation, minus, g)) / (2 * h);
      // Truncation error (h²/6)·|third derivative| ≈ 1e-11 for smooth activations with O(1)
      // derivatives; rounding ≈ (sum of up to 15 terms of size ≤ 1)·ε/h ≈ 15·1e-16/1e-5 ≈ 2e-10.
      // 1e-8 absolute is safe and still far below typical entries (≈ 1e-1).
      assertThat(gradient[k]).as("%s: ∂/∂z[%d]", name, k).isCloseTo(centralDifference, within(1e-8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void equals_holdsForInstancesFromTwoInjectors(String name, Activation activation) {
    Activation other = fromFreshInjector(name);

    assertThat(activation).isEqualTo(other).hasSameHashCodeAs(other);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void apply_givesSameResultInPlace(String name, Activation activation) {
    Random random = new Random(7);
    double[] z = new double[ROWS * COLS];
    for (int i = 0; i < z.length; i++) {
      z[i] = -4.0 + 8.0 * random.nextDouble();
    }
    double[] a = new double[z.length];
    double[] za = z.clone();

    activation.apply(z, a, ROWS, COLS);
    activation.apply(za, za, ROWS, COLS);

    assertThat(za).as(name).containsExactly(a);
  }

  /** The name, followed for a parameterised activation by its parameters: "leaky-relu(0.01)". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void toString_isRegistryName(String name, Activation activation) {
    assertThat(activation.toString()).matches(Pattern.quote(name) + "(\\(.+\\))?");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void json_roundTripsToEqualObject(String name, Activation activation)
      throws JsonProcessingException {
    String json = MAPPER.writeValueAsString(activation);

    assertThat(MAPPER.readValue(json, Activation.class)).as(json).isEqualTo(activation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void json_typeIsRegistryName(String name, Activation activation) throws JsonProcessingException {
    String json = MAPPER.writeValueAsString(activation);

    assertThat(MAPPER.readTree(json).get("type").asText()).as(json).isEqualTo(name);
  }
}
