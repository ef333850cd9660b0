package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every cost bound in {@link CostsModule} against the interface's contract. Costs without a
 * paired activation are checked as {@code ∂C/∂a}; paired costs as {@code δ = ∂C/∂z} through their
 * activation, computed here since this module does not depend on the activations module.
 */
class CostContractTest {

  private static final Key<Map<String, Cost>> COSTS = Key.get(new TypeLiteral<Map<String, Cost>>() {});
  private static final Map<String, Cost> BUILT_INS =
      Guice.createInjector(new CostsModule()).getInstance(COSTS);
  private static final int ROWS = 4;
  private static final int COLS = 5;

  /** Registers every name of the map as a type id, as nnj's ObjectMapper provider does. */
  private static final ObjectMapper MAPPER = mapperFor(BUILT_INS);

  static Stream<Arguments> costs() {
    return BUILT_INS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  static Stream<Arguments> unpairedCosts() {
    return costs().filter(arguments -> ((Cost) arguments.get()[1]).pairedActivation().isEmpty());
  }

  static Stream<Arguments> pairedCosts() {
    return costs().filter(arguments -> ((Cost) arguments.get()[1]).pairedActivation().isPresent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unpairedCosts")
  void outputError_matchesCentralDifferenceOfCostInOutputs(String name, Cost cost) {
    Random random = new Random(2024);
    double[] a = outputs(random);
    double[] y = oneHotTargets(random);
    double[] error = new double[ROWS * COLS];

    cost.outputError(a, y, error, ROWS, COLS);

    double h = 1e-6;
    for (int k = 0; k < a.length; k++) {
      double[] plus = a.clone();
      double[] minus = a.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (cost.cost(plus, y, ROWS, COLS) - cost.cost(minus, y, ROWS, COLS)) / (2 * h);
      // Truncation (h²/6)·|C'''|: with a ≥ 0.05 a log cost has |C'''| ≤ 2/0.05³ = 1.6e4, giving
      // ≈ 3e-9; rounding of a summed cost of size ≤ 60 is ≈ 60·ε/h ≈ 1e-8. 1e-6 absolute is safe,
      // and far below the entries of ∂C/∂a (≥ 0.05 in size for a wrong-signed or missing term).
      assertThat(error[k]).as("%s: ∂C/∂a[%d]", name, k).isCloseTo(centralDifference, within(1e-6));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairedCosts")
  void outputError_matchesCentralDifferenceOfCostInWeightedInputs(String name, Cost cost) {
    Random random = new Random(2024);
    String activationName = cost.pairedActivation().orElseThrow();
    UnaryOperator<double[]> activation = activation(activationName);
    double[] z = weightedInputs(activationName, outputs(random));
    double[] y = oneHotTargets(random);
    double[] error = new double[ROWS * COLS];

    cost.outputError(activation.apply(z), y, error, ROWS, COLS);

    double h = 1e-5;
    for (int k = 0; k < z.length; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (cost.cost(activation.apply(plus), y, ROWS, COLS)
                  - cost.cost(activation.apply(minus), y, ROWS, COLS))
              / (2 * h);
      // In z both cross-entropy through sigmoid and log-likelihood through softmax have
      // ∂³C/∂z_k³ = a_k(1 − a_k)(1 − 2a_k), at most 0.1 in size: truncation ≤ (h²/6)·0.1 ≈ 2e-12.
      // Rounding of a summed cost of size ≤ 60 is ≈ 60·ε/h ≈ 1.3e-9. 1e-7 absolute is safe, and
      // far below σ'(z) ≥ 0.047 or a softmax row's spread that a wrong δ formula would be off by.
      assertThat(error[k]).as("%s: δ[%d]", name, k).isCloseTo(centralDifference, within(1e-7));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void json_roundTripsToEqualObjectWithRegistryNameAsType(String name, Cost cost)
      throws JsonProcessingException {
    String json = MAPPER.writerFor(Cost.class).writeValueAsString(cost);

    assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.createObjectNode().put("type", name));
    assertThat(MAPPER.readValue(json, Cost.class)).isEqualTo(cost);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void equals_holdsForInstancesFromTwoInjectors(String name, Cost cost) {
    Cost other = Guice.createInjector(new CostsModule()).getInstance(COSTS).get(name);

    assertThat(cost).isEqualTo(other).hasSameHashCodeAs(other);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void toString_isRegistryName(String name, Cost cost) {
    assertThat(cost).hasToString(name);
  }

  private static ObjectMapper mapperFor(Map<String, Cost> costs) {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    costs.forEach((name, cost) -> mapper.registerSubtypes(new NamedType(cost.getClass(), name)));
    return mapper;
  }

  /**
   * Outputs strictly inside (0.05, 0.95), as a sigmoid or softmax would give, so that costs with a
   * log stay finite within ±h.
   */
  private static double[] outputs(Random random) {
    double[] a = new double[ROWS * COLS];
    for (int i = 0; i < a.length; i++) {
      a[i] = 0.05 + 0.9 * random.nextDouble();
    }
    return a;
  }

  private static double[] oneHotTargets(Random random) {
    double[] y = new double[ROWS * COLS];
    for (int row = 0; row < ROWS; row++) {
      y[row * COLS + random.nextInt(COLS)] = 1.0;
    }
    return y;
  }

  /**
   * Weighted inputs whose activation is (close to) the generated outputs: the logit for sigmoid;
   * {@code ln a} for softmax, whose rows then become {@code a / Σ_row a}, entries in (0.013, 0.83).
   */
  private static double[] weightedInputs(String activationName, double[] a) {
    double[] z = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      z[i] = activationName.endsWith(".Sigmoid") ? Math.log(a[i] / (1.0 - a[i])) : Math.log(a[i]);
    }
    return z;
  }

  private static UnaryOperator<double[]> activation(String activationName) {
    return switch (activationName) {
      case "dev.nnj.activations.Sigmoid" -> CostContractTest::sigmoid;
      case "dev.nnj.activations.Softmax" -> CostContractTest::softmax;
      default -> throw new AssertionError("no test activation for " + activationName);
    };
  }

  private static double[] sigmoid(double[] z) {
    double[] a = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      a[i] = 1.0 / (1.0 + Math.exp(-z[i]));
    }
    return a;
  }

  /** Softmax of each row, shifted by the row's maximum so that no exponential overflows. */
  private static double[] softmax(double[] z) {
    double[] a = new double[z.length];
    for (int row = 0; row < ROWS; row++) {
      int start = row * COLS;
      double max = Double.NEGATIVE_INFINITY;
      for (int col = 0; col < COLS; col++) {
        max = Math.max(max, z[start + col]);
      }
      double total = 0.0;
      for (int col = 0; col < COLS; col++) {
        a[start + col] = Math.exp(z[start + col] - max);
        total += a[start + col];
      }
      for (int col = 0; col < COLS; col++) {
        a[start + col] /= total;
      }
    }
    return a;
  }
}
