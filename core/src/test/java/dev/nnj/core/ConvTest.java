package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Activation;
import dev.nnj.activations.Identity;
import dev.nnj.activations.Relu;
import dev.nnj.activations.Sigmoid;
import dev.nnj.activations.Tanh;
import dev.nnj.datasets.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The convolution and the pool compute what their definitions say, in the output's layout. */
class ConvTest {

  @Test
  void conv_isTheValidConvolutionOfTheDefinition() {
    Shape input = new Shape(2, 5, 6);
    Conv conv = new Conv(3, 3, new Tanh());
    ConvLayer layer = conv.build(input);
    MersenneTwister random = new MersenneTwister(3);
    layer.initialiseBiases(new StandardNormal(), random);
    layer.initialiseWeights(new StandardNormal(), random);
    int rows = 2;
    double[] x = new double[rows * input.size()];
    Random values = new Random(4);
    for (int i = 0; i < x.length; i++) {
      x[i] = values.nextGaussian();
    }
    double[] out = layer.pass(rows).forward(x, rows, false, null);

    assertThat(layer.outputShape()).isEqualTo(new Shape(3, 3, 4));
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < 3; f++) {
        for (int oy = 0; oy < 3; oy++) {
          for (int ox = 0; ox < 4; ox++) {
            double z = layer.bias(f);
            for (int c = 0; c < 2; c++) {
              for (int dy = 0; dy < 3; dy++) {
                for (int dx = 0; dx < 3; dx++) {
                  z += layer.weight(f, c, dy, dx)
                      * x[r * input.size() + (c * 5 + oy + dy) * 6 + ox + dx];
                }
              }
            }
            assertThat(out[r * 36 + (f * 3 + oy) * 4 + ox])
                .as("example %d, filter %d, (%d, %d)", r, f, oy, ox)
                .isCloseTo(Math.tanh(z), within(1e-12));
          }
        }
      }
    }
  }

  @Test
  void biasGradient_isEachFiltersSumOverExamplesAndPositionsInOrder() {
    Shape input = new Shape(1, 4, 5);
    int filters = 6; // a group of four filters summed side by side, and two alone
    ConvLayer layer = new Conv(filters, 2, new Identity()).build(input);
    MersenneTwister random = new MersenneTwister(5);
    layer.initialiseBiases(new StandardNormal(), random);
    layer.initialiseWeights(new StandardNormal(), random);
    int rows = 3;
    int positions = 3 * 4;
    Random values = new Random(6);
    double[] x = new double[rows * input.size()];
    double[] delta = new double[rows * filters * positions];
    for (int i = 0; i < x.length; i++) {
      x[i] = values.nextGaussian();
    }
    for (int i = 0; i < delta.length; i++) {
      delta[i] = values.nextGaussian() * Math.pow(10, values.nextInt(9) - 4);
    }
    BuiltLayer.Pass pass = layer.pass(rows);
    pass.forward(x, rows, true, null);
    pass.backward(x, delta.clone(), null, rows);
    double[] biasGradients = pass.gradients()[pass.gradients().length - 1];

    for (int f = 0; f < filters; f++) {
      double sum = 0.0;
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < positions; j++) {
          sum += delta[(r * filters + f) * positions + j];
        }
      }
      assertThat(biasGradients[f]).as("filter %d", f).isEqualTo(sum);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("monotoneActivations")
  void convWithAPool_isConvThenMaxPool_toTheBit(String name, Activation activation) {
    Shape input = new Shape(2, 10, 10);
    int filters = 5;
    ConvLayer fused = new Conv(filters, 3, activation, null, 2).build(input);
    ConvLayer conv = new Conv(filters, 3, activation).build(input);
    BuiltLayer pool = new MaxPool(2).build(conv.outputShape());
    for (ConvLayer layer : List.of(fused, conv)) {
      MersenneTwister random = new MersenneTwister(7);
      layer.initialiseBiases(new StandardNormal(), random);
      layer.initialiseWeights(new StandardNormal(), random);
    }
    assertThat(fused.outputShape()).isEqualTo(pool.outputShape());
    int rows = 3;
    Random values = new Random(8);
    double[] x = new double[rows * input.size()];
    for (int i = 0; i < x.length; i++) { // a background of zeros, as in MNIST: ties in z
      x[i] = values.nextInt(3) == 0 ? values.nextGaussian() : 0.0;
    }
    double[] g = new double[rows * pool.outputShape().size()];
    for (int i = 0; i < g.length; i++) {
      g[i] = values.nextGaussian();
    }

    BuiltLayer.Pass fusedPass = fused.pass(rows);
    double[] fusedOut = fusedPass.forward(x, rows, true, null).clone();
    double[] fusedInputGradient = new double[x.length];
    fusedPass.backward(x, g.clone(), fusedInputGradient, rows);

    BuiltLayer.Pass convPass = conv.pass(rows);
    BuiltLayer.Pass poolPass = pool.pass(rows);
    double[] convOut = convPass.forward(x, rows, true, null);
    double[] out = poolPass.forward(convOut, rows, true, null);
    double[] poolInputGradient = new double[convOut.length];
    poolPass.backward(convOut, g.clone(), poolInputGradient, rows);
    double[] inputGradient = new double[x.length];
    convPass.backward(x, poolInputGradient, inputGradient, rows);

    assertThat(fusedOut).isEqualTo(Arrays.copyOf(out, fusedOut.length));
    assertThat(zerosUnsigned(fusedInputGradient)).isEqualTo(zerosUnsigned(inputGradient));
    for (int block = 0; block < convPass.gradients().length; block++) {
      assertThat(zerosUnsigned(fusedPass.gradients()[block])).as("parameter block %d", block)
          .isEqualTo(zerosUnsigned(convPass.gradients()[block]));
    }
  }

  static Stream<Arguments> monotoneActivations() {
    return Stream.of(Arguments.of("relu", new Relu()), Arguments.of("sigmoid", new Sigmoid()),
        Arguments.of("tanh", new Tanh()));
  }

  /** The values with -0 as +0: the two orders may differ in the sign of a zero sum only. */
  private static double[] zerosUnsigned(double[] values) {
    double[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      copy[i] += 0.0;
    }
    return copy;
  }

  @Test
  void convWithAPoolThatDoesNotDivideItsOutput_isRefused() {
    assertThatThrownBy(() -> new Conv(2, 4, new Relu(), null, 2).outputShape(new Shape(1, 8, 8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("conv: a pool of 2×2 does not divide the convolution's output of 2×5×5"
            + " (refused rather than cropped)");
  }

  @Test
  void maxPool_takesEachWindowsLargestValueAndSendsTheGradientThere() {
    BuiltLayer pool = new MaxPool(2).build(new Shape(1, 2, 4));
    BuiltLayer.Pass pass = pool.pass(1);
    double[] x = {1, 5, -1, -2,
                  3, 2, -3, -0.5};
    assertThat(pass.forward(x, 1, false, null)).containsExactly(5, -0.5);
    double[] gx = new double[8];
    pass.backward(x, new double[] {10, 20}, gx, 1);
    assertThat(gx).containsExactly(0, 10, 0, 0, 0, 0, 0, 20);
  }

  @Test
  void kernelLargerThanItsInput_isRefusedNamingBoth() {
    assertThatThrownBy(() -> new NetworkSpec(new Shape(1, 4, 4), java.util.List.of(
        new Conv(2, 5, new Identity()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer 1 (conv(filters=2, kernel=5, activation=identity)) "
            + "cannot take an "
            + "input of shape 1×4×4: conv: a 5×5 kernel does not fit an input of 1×4×4");
  }

  @Test
  void poolThatDoesNotDivideItsInput_isRefusedNotCropped() {
    assertThatThrownBy(() -> new MaxPool(2).outputShape(new Shape(20, 25, 25)))
        .hasMessage("max-pool: windows of 2×2 do not divide an input of 20×25×25 "
            + "(refused rather than cropped)");
  }

  @Test
  void convOnFlatData_isRefusedSayingItTakesImages() {
    assertThatThrownBy(() -> new Conv().outputShape(Shape.flat(4)))
        .hasMessage("conv takes images (channels × height × width); the input is a flat vector "
            + "of 4 values");
  }
}
