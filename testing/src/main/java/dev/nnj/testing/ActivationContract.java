package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Activation;
import java.util.Random;

/**
 * The {@link Activation} contract, checked on a seeded 3 × 5 block: call {@link #check} from a
 * test of your own activation; it fails with an AssertJ message naming the entry that is wrong.
 *
 * <pre>{@code
 * @Test void swish_keepsTheContract() {
 *   ActivationContract.check("swish", new Swish());
 * }
 * }</pre>
 */
public final class ActivationContract {

  private static final int ROWS = 3;
  private static final int COLS = 5;
  /** The central difference's step. */
  private static final double H = 1e-5;

  private ActivationContract() {}

  /** Checks {@link #derivativeMatchesCentralDifferences} and {@link #appliesInPlace}. */
  public static void check(String name, Activation activation) {
    derivativeMatchesCentralDifferences(name, activation);
    appliesInPlace(name, activation);
  }

  /**
   * {@code derivative} is the vector–Jacobian product {@code (∂a/∂z)ᵀ g}: its k-th entry is
   * {@code ∂/∂z_k Σ_i g_i a_i(z)}, which central differences approximate whether the activation
   * is element-wise (only i = k contributes) or per row, like softmax (all i of k's row do).
   */
  public static void derivativeMatchesCentralDifferences(String name, Activation activation) {
    Random random = new Random(42);
    int n = ROWS * COLS;
    double[] z = new double[n];
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      // A kink at 0 (ReLU) makes a difference straddling it average two slopes: |z| ≥ 100·h
      // keeps z ± h on one side.
      do {
        z[i] = -4.0 + 8.0 * random.nextDouble();
      } while (Math.abs(z[i]) < 100 * H);
      g[i] = -1.0 + 2.0 * random.nextDouble();
    }
    double[] a = new double[n];
    activation.apply(z, a, ROWS, COLS);
    double[] gradient = g.clone();
    activation.derivative(z, a, gradient, ROWS, COLS);
    for (int k = 0; k < n; k++) {
      double[] plus = z.clone();
      double[] minus = z.clone();
      plus[k] += H;
      minus[k] -= H;
      double centralDifference = (weightedSum(activation, plus, g)
          - weightedSum(activation, minus, g)) / (2 * H);
      // Truncation (h²/6)·|σ'''| ≈ 1e-11 for smooth activations with O(1) derivatives; rounding
      // ≈ 15 terms · ε / h ≈ 2e-10. 1e-8 is safe and far below typical entries (≈ 0.1).
      assertThat(gradient[k]).as("%s: derivative, entry %d of a %d × %d block", name, k, ROWS,
          COLS).isCloseTo(centralDifference, within(1e-8));
    }
  }

  /** {@code apply(z, z, …)} gives what {@code apply(z, a, …)} gives: the trainer may call it so. */
  public static void appliesInPlace(String name, Activation activation) {
    Random random = new Random(7);
    double[] z = new double[ROWS * COLS];
    for (int i = 0; i < z.length; i++) {
      z[i] = -4.0 + 8.0 * random.nextDouble();
    }
    double[] a = new double[z.length];
    double[] inPlace = z.clone();
    activation.apply(z, a, ROWS, COLS);
    activation.apply(inPlace, inPlace, ROWS, COLS);
    assertThat(inPlace).as("%s: apply in place", name).containsExactly(a);
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
}
