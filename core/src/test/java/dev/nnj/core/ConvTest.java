package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nnj.activations.Identity;
import dev.nnj.activations.Tanh;
import dev.nnj.datasets.Shape;
import java.util.Random;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

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
        .hasMessage("layer 1 (Conv[filters=2, kernel=5, activation=identity, initialization=null]) "
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
