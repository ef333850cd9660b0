package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Cost;
import dev.nnj.costs.Quadratic;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackpropagationTest {

  private static final Cost COST = new Quadratic();
  private static final int ROWS = 3;

  private final Network network = Network.initialised(NetworkSpec.of(List.of(3, 4, 2), new Sigmoid()), 7);
  private final double[] x = randomBlock(ROWS * 3, 11);
  private final double[] y = {1, 0, 0, 1, 1, 0};

  @Test
  void computeGradients_matchCentralDifferencesForEveryWeightAndBias() {
    Backpropagation backprop = new Backpropagation(network, COST, ROWS);
    backprop.computeGradients(x, y, ROWS);
    double[][] analytic = copy(backprop.gradients());
    double[][] parameters = network.parameterBlocks().doubles();

    // h = 1e-5: the central difference's truncation error is O(h²) ≈ 1e-10 and its rounding error
    // ≈ 1e-16 · C / h ≈ 1e-11 for a cost of order 1, so 1e-8 separates a correct gradient from
    // any real mistake (a wrong layer or a transpose is off by order 1e-2 or more).
    double h = 1e-5;
    int checked = 0;
    for (int block = 0; block < parameters.length; block++) {
      for (int i = 0; i < parameters[block].length; i++) {
        double saved = parameters[block][i];
        parameters[block][i] = saved + h;
        double plus = cost();
        parameters[block][i] = saved - h;
        double minus = cost();
        parameters[block][i] = saved;
        assertThat(analytic[block][i])
            .as("block %d, entry %d", block, i)
            .isCloseTo((plus - minus) / (2 * h), within(1e-8));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(3 * 4 + 4 + 4 * 2 + 2);
  }

  @Test
  void computeGradients_withDropoutMatchCentralDifferencesUnderTheSameMasks() {
    // Each evaluation redraws the masks from a generator with the same seed, so every cost
    // below sees the same dropped neurons as the backpropagation did.
    Network dropping = Network.initialised(new NetworkSpec(List.of(3, 4, 2),
        List.of(new Sigmoid(), new Sigmoid()), 0.5), 7);
    Backpropagation backprop = new Backpropagation(dropping, COST, ROWS);
    Inputs inputs = new Inputs.Dense(x, ROWS, 3);
    backprop.computeGradients(inputs, y, true, new org.apache.commons.math3.random.MersenneTwister(7));
    double[][] analytic = copy(backprop.gradients());
    double[][] parameters = dropping.parameterBlocks().doubles();
    double h = 1e-5;
    for (int block = 0; block < parameters.length; block++) {
      for (int i = 0; i < parameters[block].length; i++) {
        double saved = parameters[block][i];
        parameters[block][i] = saved + h;
        double plus = droppedCost(dropping, inputs);
        parameters[block][i] = saved - h;
        double minus = droppedCost(dropping, inputs);
        parameters[block][i] = saved;
        assertThat(analytic[block][i]).isCloseTo((plus - minus) / (2 * h), within(1e-8));
      }
    }
    Backpropagation without = new Backpropagation(network, COST, ROWS);
    without.computeGradients(x, y, ROWS);
    assertThat(analytic[0]).as("the masks changed the gradient").isNotEqualTo(without.gradients()[0]);
  }

  private double droppedCost(Network dropping, Inputs inputs) {
    ForwardPass pass = new ForwardPass(dropping, ROWS);
    double[] output = pass.run(inputs, true, new org.apache.commons.math3.random.MersenneTwister(7));
    return COST.cost(output, y, ROWS, 2);
  }

  @Test
  void computeGradients_ofABatchIsTheSumOfItsExamples() {
    Backpropagation batch = new Backpropagation(network, COST, ROWS);
    batch.computeGradients(x, y, ROWS);
    double[][] summed = new double[batch.gradients().length][];
    Backpropagation single = new Backpropagation(network, COST, 1);
    for (int r = 0; r < ROWS; r++) {
      double[] xr = java.util.Arrays.copyOfRange(x, r * 3, r * 3 + 3);
      double[] yr = java.util.Arrays.copyOfRange(y, r * 2, r * 2 + 2);
      single.computeGradients(xr, yr, 1);
      for (int b = 0; b < summed.length; b++) {
        if (summed[b] == null) {
          summed[b] = new double[single.gradients()[b].length];
        }
        for (int i = 0; i < summed[b].length; i++) {
          summed[b][i] += single.gradients()[b][i];
        }
      }
    }
    for (int b = 0; b < summed.length; b++) {
      assertThat(batch.gradients()[b]).containsExactly(summed[b], within(1e-12));
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "arranged {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void sparseTrainingCursor_givesTheDenseGradientsBitForBitAndListsTheNonZeroRows(boolean arranged) {
    // Mini-batches below and above the size the cursor regroups by input, one after another
    // through the same workspace, so that rows touched by one batch must be cleared for the next.
    int inputs = 40;
    int examples = 150;
    Network wide = Network.initialised(NetworkSpec.of(List.of(inputs, 6, 3), new Sigmoid()), 3);
    Random random = new Random(5);
    float[] pixels = new float[examples * inputs];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextInt(3) == 0 ? random.nextFloat() : 0f;
    }
    int[] order = new int[examples];
    for (int i = 0; i < examples; i++) {
      order[i] = (i * 37 + 11) % examples;
    }
    int largest = Inputs.Sparse.GROUPED_FROM + 8;
    int[] batches = {largest, 5, Inputs.Sparse.GROUPED_FROM, 9, largest};
    // The last input is non-zero only in the small batches: the large batch after each must
    // clear the gradient row the small one wrote.
    int position = 0;
    for (int rows : batches) {
      for (int r = position; r < position + rows; r++) {
        pixels[order[r] * inputs + inputs - 1] = rows < Inputs.Sparse.GROUPED_FROM ? 0.5f : 0f;
      }
      position += rows;
    }
    Inputs.Sparse cursor =
        Inputs.Sparse.forTraining(dev.nnj.core.kernels.SparseRows.of(pixels, examples, inputs), order);
    if (arranged) {
      // Arranged once in another order, then again in this one: the copy must follow the order.
      int[] kept = order.clone();
      for (int i = 0; i < examples; i++) {
        order[i] = kept[examples - 1 - i];
      }
      cursor.arrange();
      System.arraycopy(kept, 0, order, 0, examples);
      cursor.arrange();
    }
    Backpropagation sparse = new Backpropagation(wide, COST, largest);
    Backpropagation dense = new Backpropagation(wide, COST, largest);
    int first = 0;
    for (int rows : batches) {
      double[] x = new double[rows * inputs];
      double[] y = new double[rows * 3];
      java.util.Set<Integer> nonZero = new java.util.TreeSet<>();
      for (int r = 0; r < rows; r++) {
        for (int k = 0; k < inputs; k++) {
          x[r * inputs + k] = pixels[order[first + r] * inputs + k];
          if (x[r * inputs + k] != 0.0) {
            nonZero.add(k);
          }
        }
        y[r * 3 + r % 3] = 1.0;
      }
      sparse.computeGradients(cursor.select(first, rows), y);
      dense.computeGradients(x, y, rows);
      for (int b = 0; b < dense.gradients().length; b++) {
        assertThat(sparse.gradients()[b]).as("batch of %d, block %d", rows, b)
            .containsExactly(dense.gradients()[b]);
      }
      java.util.Set<Integer> listed = new java.util.TreeSet<>();
      for (int i = 0; i < sparse.nonZeroBlockCount(); i++) {
        listed.add(sparse.nonZeroBlocks()[i]);
      }
      // The first layer's rows of non-zero inputs, then every later block (bias, layer 2).
      for (int b = inputs; b < dense.gradients().length; b++) {
        nonZero.add(b);
      }
      assertThat(listed).hasSize(sparse.nonZeroBlockCount()).isEqualTo(nonZero);
      first += rows;
    }
  }

  @Test
  void computeGradients_returnsTheSummedCost() {
    Backpropagation backprop = new Backpropagation(network, COST, ROWS);
    assertThat(backprop.computeGradients(x, y, ROWS)).isCloseTo(cost(), within(1e-12));
  }

  @Test
  void computeGradients_usesOnlyTheRowsItIsGiven() {
    Backpropagation wide = new Backpropagation(network, COST, 5);
    Backpropagation exact = new Backpropagation(network, COST, ROWS);
    double[] paddedX = java.util.Arrays.copyOf(x, 5 * 3);
    java.util.Arrays.fill(paddedX, ROWS * 3, paddedX.length, 0.9);
    double[] paddedY = java.util.Arrays.copyOf(y, 5 * 2);
    wide.computeGradients(paddedX, paddedY, ROWS);
    exact.computeGradients(x, y, ROWS);
    for (int b = 0; b < exact.gradients().length; b++) {
      assertThat(wide.gradients()[b]).containsExactly(exact.gradients()[b]);
    }
  }

  /** A cost written for sigmoid outputs: {@code C = −Σ y ln a + (1 − y) ln(1 − a)}, {@code δ = a − y}. */
  private static final class SigmoidCrossEntropy implements Cost {
    @Override public double cost(double[] a, double[] y, int rows, int cols) {
      double sum = 0;
      for (int i = 0; i < rows * cols; i++) {
        sum -= y[i] * Math.log(a[i]) + (1 - y[i]) * Math.log(1 - a[i]);
      }
      return sum;
    }

    @Override public void outputError(double[] a, double[] y, double[] error, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        error[i] = a[i] - y[i];
      }
    }

    @Override public java.util.Optional<String> pairedActivation() {
      return java.util.Optional.of(Sigmoid.class.getName());
    }

    @Override public String toString() {
      return "sigmoid-cross-entropy";
    }
  }

  @Test
  void computeGradients_withAPairedCostMatchCentralDifferences() {
    Cost crossEntropy = new SigmoidCrossEntropy();
    Backpropagation backprop = new Backpropagation(network, crossEntropy, ROWS);
    backprop.computeGradients(x, y, ROWS);
    double[][] analytic = copy(backprop.gradients());
    double[][] parameters = network.parameterBlocks().doubles();
    double h = 1e-5;
    for (int block = 0; block < parameters.length; block++) {
      for (int i = 0; i < parameters[block].length; i++) {
        double saved = parameters[block][i];
        parameters[block][i] = saved + h;
        double plus = cost(crossEntropy);
        parameters[block][i] = saved - h;
        double minus = cost(crossEntropy);
        parameters[block][i] = saved;
        assertThat(analytic[block][i]).isCloseTo((plus - minus) / (2 * h), within(1e-8));
      }
    }
  }

  @Test
  void constructor_refusesACostPairedWithAnotherOutputActivation() {
    dev.nnj.activations.Activation identity = new dev.nnj.activations.Activation() {
      @Override public void apply(double[] z, double[] a, int rows, int cols) {
        System.arraycopy(z, 0, a, 0, rows * cols);
      }

      @Override public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {}

      @Override public String toString() {
        return "identity";
      }
    };
    Network linearOutput = Network.initialised(
        new NetworkSpec(List.of(3, 4, 2), List.of(new Sigmoid(), identity)), 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Backpropagation(linearOutput, new SigmoidCrossEntropy(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the cost sigmoid-cross-entropy assumes a Sigmoid output layer, but the output "
            + "layer is identity; pair it with that activation or choose another cost");
  }

  private double cost() {
    return cost(COST);
  }

  private double cost(Cost cost) {
    ForwardPass pass = new ForwardPass(network, ROWS);
    return cost.cost(pass.run(new Inputs.Dense(x, ROWS, 3)), y, ROWS, 2);
  }

  private static double[][] copy(double[][] blocks) {
    double[][] copy = new double[blocks.length][];
    for (int b = 0; b < blocks.length; b++) {
      copy[b] = blocks[b].clone();
    }
    return copy;
  }

  private static double[] randomBlock(int length, long seed) {
    Random random = new Random(seed);
    double[] block = new double[length];
    for (int i = 0; i < length; i++) {
      block[i] = random.nextDouble();
    }
    return block;
  }
}
