package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.core.BuiltLayer;
import dev.nnj.core.Layer;
import dev.nnj.core.StandardNormal;
import dev.nnj.datasets.Shape;
import java.util.Random;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * The {@link Layer} contract, checked on a seeded batch of three examples: call {@link #check}
 * from a test of your own layer, with an input shape it takes.
 *
 * <pre>{@code
 * @Test void scaleShift_keepsTheContract() {
 *   LayerContract.check("scale-shift", new ScaleShift(), Shape.flat(5));
 * }
 * }</pre>
 *
 * <p>The gradient check runs in training mode with the same stream for every evaluation, so a
 * layer that draws (dropout) sees the same masks each time: the check is of {@code ∂C/∂input} and
 * of every parameter's gradient for fixed masks, against central differences of
 * {@code C = Σ r ⊙ output} with fixed random weights {@code r}.
 */
public final class LayerContract {

  private static final int ROWS = 3;
  private static final double H = 1e-5;
  private static final long STREAM = 17;

  private LayerContract() {}

  /** Every check below. */
  public static void check(String name, Layer layer, Shape input) {
    buildsForItsOutputShape(name, layer, input);
    gradientsMatchCentralDifferences(name, layer, input);
    workspaceServesAShorterBatch(name, layer, input);
    drawsWhatItDeclares(name, layer, input);
  }

  /** The built layer takes {@code input} and gives the shape the layer says it gives. */
  public static void buildsForItsOutputShape(String name, Layer layer, Shape input) {
    BuiltLayer built = layer.build(input);
    assertThat(built.inputShape()).as("%s: the built layer's input shape", name).isEqualTo(input);
    assertThat(built.outputShape()).as("%s: the built layer's output shape", name)
        .isEqualTo(layer.outputShape(input));
    assertThat(built.layer()).as("%s: the value it was built from", name).isEqualTo(layer);
    assertThat(built.weightBlocks()).as("%s: one weight flag per parameter block", name)
        .hasSize(built.parameters().length);
  }

  /** {@code ∂C/∂input} and every parameter gradient against central differences. */
  public static void gradientsMatchCentralDifferences(String name, Layer layer, Shape input) {
    BuiltLayer built = initialised(layer, input);
    int in = input.size();
    int out = built.outputShape().size();
    double[] x = block(ROWS * in, 3);
    double[] r = block(ROWS * out, 4);
    BuiltLayer.Pass pass = built.pass(ROWS);
    pass.forward(x, ROWS, true, new MersenneTwister(STREAM));
    double[] inputGradient = new double[ROWS * in];
    pass.backward(x, r.clone(), inputGradient, ROWS);
    double[][] gradients = copy(pass.gradients());

    for (int i = 0; i < x.length; i++) {
      double saved = x[i];
      x[i] = saved + H;
      double plus = cost(built, x, r);
      x[i] = saved - H;
      double minus = cost(built, x, r);
      x[i] = saved;
      assertThat(inputGradient[i]).as("%s: ∂C/∂input, entry %d (example %d, value %d)", name, i,
          i / in, i % in).isCloseTo((plus - minus) / (2 * H), within(tolerance(plus, minus)));
    }
    double[][] parameters = built.parameters();
    assertThat(gradients.length).as("%s: one gradient block per parameter block", name)
        .isEqualTo(parameters.length);
    for (int b = 0; b < parameters.length; b++) {
      for (int i = 0; i < parameters[b].length; i++) {
        double saved = parameters[b][i];
        parameters[b][i] = saved + H;
        double plus = cost(built, x, r);
        parameters[b][i] = saved - H;
        double minus = cost(built, x, r);
        parameters[b][i] = saved;
        assertThat(gradients[b][i]).as("%s: gradient of parameter block %d, entry %d", name, b,
            i).isCloseTo((plus - minus) / (2 * H), within(tolerance(plus, minus)));
      }
    }
  }

  /**
   * One workspace serves every batch up to its capacity: a shorter last batch after a full one
   * gives, to the bit, what a fresh workspace gives for it.
   */
  public static void workspaceServesAShorterBatch(String name, Layer layer, Shape input) {
    BuiltLayer built = initialised(layer, input);
    int in = input.size();
    int out = built.outputShape().size();
    BuiltLayer.Pass reused = built.pass(ROWS);
    run(reused, block(ROWS * in, 5), block(ROWS * out, 6), ROWS, in);
    double[] x = block((ROWS - 1) * in, 7);
    double[] r = block((ROWS - 1) * out, 8);
    double[][] second = run(reused, x, r, ROWS - 1, in);
    double[][] fresh = run(built.pass(ROWS), x, r, ROWS - 1, in);
    for (int b = 0; b < fresh.length; b++) {
      assertThat(second[b]).as("%s: after a full batch, result %d of a shorter one", name, b)
          .containsExactly(fresh[b]);
    }
  }

  /** In training it draws {@link BuiltLayer#drawsPerExample()} numbers per example; in inference none. */
  public static void drawsWhatItDeclares(String name, Layer layer, Shape input) {
    BuiltLayer built = initialised(layer, input);
    CountingStream stream = new CountingStream();
    built.pass(ROWS).forward(block(ROWS * input.size(), 9), ROWS, true, stream);
    assertThat(stream.draws).as("%s: numbers drawn in training for %d examples", name, ROWS)
        .isEqualTo(ROWS * built.drawsPerExample());
    CountingStream inference = new CountingStream();
    built.pass(ROWS).forward(block(ROWS * input.size(), 9), ROWS, false, inference);
    assertThat(inference.draws).as("%s: numbers drawn in inference", name).isZero();
  }

  /** Forward and backward; returns the output, {@code ∂C/∂input} and the gradients, copied. */
  private static double[][] run(BuiltLayer.Pass pass, double[] x, double[] r, int rows, int in) {
    double[] output = pass.forward(x, rows, true, new MersenneTwister(STREAM)).clone();
    double[] inputGradient = new double[rows * in];
    pass.backward(x, r.clone(), inputGradient, rows);
    double[][] gradients = pass.gradients();
    double[][] all = new double[gradients.length + 2][];
    all[0] = java.util.Arrays.copyOf(output, r.length);
    all[1] = inputGradient;
    for (int b = 0; b < gradients.length; b++) {
      all[b + 2] = gradients[b].clone();
    }
    return all;
  }

  private static double cost(BuiltLayer built, double[] x, double[] r) {
    double[] output = built.pass(ROWS).forward(x, ROWS, true, new MersenneTwister(STREAM));
    double sum = 0;
    for (int i = 0; i < r.length; i++) {
      sum += r[i] * output[i];
    }
    return sum;
  }

  /** Truncation O(h²) and rounding ≈ 1e-16·|C|/h: 1e-6 relative to the cost, at least 1e-7. */
  private static double tolerance(double plus, double minus) {
    return Math.max(1e-7, 1e-6 * Math.max(Math.abs(plus), Math.abs(minus)));
  }

  private static BuiltLayer initialised(Layer layer, Shape input) {
    BuiltLayer built = layer.build(input);
    MersenneTwister random = new MersenneTwister(2);
    built.initialiseBiases(new StandardNormal(), random);
    built.initialiseWeights(new StandardNormal(), random);
    return built;
  }

  private static double[] block(int n, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }

  private static double[][] copy(double[][] blocks) {
    double[][] copy = new double[blocks.length][];
    for (int b = 0; b < blocks.length; b++) {
      copy[b] = blocks[b].clone();
    }
    return copy;
  }

  /** Counts every number drawn, whatever the method. */
  private static final class CountingStream extends MersenneTwister {
    private long draws;

    CountingStream() {
      super(1);
    }

    @Override public double nextDouble() {
      draws++;
      return super.nextDouble();
    }

    @Override public float nextFloat() {
      draws++;
      return super.nextFloat();
    }

    @Override public int nextInt() {
      draws++;
      return super.nextInt();
    }

    @Override public int nextInt(int n) {
      draws++;
      return super.nextInt(n);
    }

    @Override public long nextLong() {
      draws++;
      return super.nextLong();
    }

    @Override public boolean nextBoolean() {
      draws++;
      return super.nextBoolean();
    }

    @Override public double nextGaussian() {
      draws++;
      return super.nextGaussian();
    }
  }
}
