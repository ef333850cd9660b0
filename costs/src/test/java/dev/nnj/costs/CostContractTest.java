package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every cost bound in {@link CostsModule} against the interface's contract. */
class CostContractTest {

  private static final Key<Map<String, Cost>> COSTS = Key.get(new TypeLiteral<Map<String, Cost>>() {});
  private static final int ROWS = 4;
  private static final int COLS = 5;

  static Stream<Arguments> costs() {
    return Guice.createInjector(new CostsModule()).getInstance(COSTS).entrySet().stream()
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void outputError_matchesCentralDifferenceOfCost(String name, Cost cost) {
    Random random = new Random(2024);
    int n = ROWS * COLS;
    double[] a = new double[n];
    double[] y = new double[n];
    for (int row = 0; row < ROWS; row++) {
      y[row * COLS + random.nextInt(COLS)] = 1.0;
      for (int col = 0; col < COLS; col++) {
        // Outputs strictly inside (0, 1), as a sigmoid or softmax would give, so that costs with a
        // log (cross-entropy) stay finite within ±h.
        a[row * COLS + col] = 0.05 + 0.9 * random.nextDouble();
      }
    }
    double[] error = new double[n];

    cost.outputError(a, y, error, ROWS, COLS);

    double h = 1e-6;
    for (int k = 0; k < n; k++) {
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
}
