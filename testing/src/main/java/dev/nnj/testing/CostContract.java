package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import java.util.Random;

/**
 * The {@link Cost} contract, checked on a seeded 4 × 5 block of outputs with one-hot targets:
 * {@code outputError} is the gradient of {@code cost}. For a cost with no paired activation that
 * is {@code ∂C/∂a}; for one that names its paired output activation (cross-entropy: sigmoid) it
 * is {@code δ = ∂C/∂z} through that activation, which is built from its class name (it needs a
 * no-argument constructor).
 *
 * <pre>{@code
 * @Test void huber_keepsTheContract() {
 *   CostContract.check("huber", new Huber(1.0));
 * }
 * }</pre>
 */
public final class CostContract {

  private static final int ROWS = 4;
  private static final int COLS = 5;

  private CostContract() {}

  /** Checks that {@code outputError} is the central difference of {@code cost}. */
  public static void check(String name, Cost cost) {
    Random random = new Random(2024);
    double[] y = new double[ROWS * COLS];
    for (int row = 0; row < ROWS; row++) {
      y[row * COLS + random.nextInt(COLS)] = 1.0;
    }
    if (cost.pairedActivation().isPresent()) {
      checkThroughActivation(name, cost, paired(name, cost.pairedActivation().get()), y, random);
    } else {
      checkInOutputs(name, cost, y, random);
    }
  }

  private static void checkInOutputs(String name, Cost cost, double[] y, Random random) {
    double[] a = new double[ROWS * COLS];
    for (int i = 0; i < a.length; i++) {
      // Inside (0.05, 0.95), as sigmoid or softmax outputs are, so that a log stays finite ± h.
      a[i] = 0.05 + 0.9 * random.nextDouble();
    }
    double[] error = new double[a.length];
    cost.outputError(a, y, error, ROWS, COLS);
    double h = 1e-6;
    for (int k = 0; k < a.length; k++) {
      double[] plus = a.clone();
      double[] minus = a.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference =
          (cost.cost(plus, y, ROWS, COLS) - cost.cost(minus, y, ROWS, COLS)) / (2 * h);
      // Truncation (h²/6)·|C'''|: with a ≥ 0.05 a log cost has |C'''| ≤ 2/0.05³, giving ≈ 3e-9;
      // rounding of a summed cost of size ≤ 60 is ≈ 60·ε/h ≈ 1e-8. 1e-6 is safe, and far below
      // the size of an entry a wrong sign or a missing term would be off by (≥ 0.05).
      assertThat(error[k]).as("%s: ∂C/∂a, entry %d of a %d × %d block", name, k, ROWS, COLS)
          .isCloseTo(centralDifference, within(1e-6));
    }
  }

  private static void checkThroughActivation(String name, Cost cost, Activation activation,
      double[] y, Random random) {
    double[] z = new double[ROWS * COLS];
    for (int i = 0; i < z.length; i++) {
      z[i] = -3.0 + 6.0 * random.nextDouble();
    }
    double[] error = new double[z.length];
    cost.outputError(apply(activation, z), y, error, ROWS, COLS);
    double h = 1e-5;
    for (int k = 0; k < z.length; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += h;
      minus[k] -= h;
      double centralDifference = (cost.cost(apply(activation, plus), y, ROWS, COLS)
          - cost.cost(apply(activation, minus), y, ROWS, COLS)) / (2 * h);
      // For cross-entropy through sigmoid and log-likelihood through softmax |∂³C/∂z³| ≤ 0.1:
      // truncation ≈ 2e-12; rounding of a summed cost ≤ 60 is ≈ 1.3e-9. 1e-7 is safe, and far
      // below σ'(z) ≥ 0.045 on [−3, 3], which a wrong δ formula would be off by.
      assertThat(error[k]).as("%s: δ = ∂C/∂z through %s, entry %d", name, activation, k)
          .isCloseTo(centralDifference, within(1e-7));
    }
  }

  private static double[] apply(Activation activation, double[] z) {
    double[] a = new double[z.length];
    activation.apply(z, a, ROWS, COLS);
    return a;
  }

  private static Activation paired(String name, String className) {
    try {
      return (Activation) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new AssertionError(name + ": its paired activation " + className
          + " cannot be made with a no-argument constructor: " + e, e);
    }
  }
}
