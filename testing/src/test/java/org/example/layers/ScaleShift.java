package org.example.layers;

import dev.nnj.core.BuiltLayer;
import dev.nnj.core.Initialization;
import dev.nnj.core.Layer;
import dev.nnj.datasets.Shape;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A user's own layer, outside nnj's packages: a learnable scale and shift per value,
 * {@code y = γ ⊙ x + β}, starting as the identity. The README's "add your own layer" example.
 */
public record ScaleShift() implements Layer {

  @Override public Shape outputShape(Shape input) {
    return input;
  }

  @Override public BuiltLayer build(Shape input) {
    int n = input.size();
    double[] gamma = new double[n];
    Arrays.fill(gamma, 1.0);
    double[] beta = new double[n];
    return new BuiltLayer() {
      @Override public Layer layer() { return ScaleShift.this; }
      @Override public Shape inputShape() { return input; }
      @Override public Shape outputShape() { return input; }
      @Override public double[][] parameters() { return new double[][] {gamma, beta}; }
      @Override public boolean[] weightBlocks() { return new boolean[] {false, false}; }
      @Override public void initialiseWeights(Initialization init, RandomGenerator random) {}

      @Override public Pass pass(int capacity) {
        double[] out = new double[capacity * n];
        double[][] gradients = {new double[n], new double[n]};
        return new Pass() {
          @Override public double[] forward(double[] x, int rows, boolean training,
              RandomGenerator random) {
            for (int i = 0; i < rows * n; i++) {
              out[i] = gamma[i % n] * x[i] + beta[i % n];
            }
            return out;
          }

          @Override public void backward(double[] x, double[] g, double[] gx, int rows) {
            Arrays.fill(gradients[0], 0.0);
            Arrays.fill(gradients[1], 0.0);
            for (int i = 0; i < rows * n; i++) {
              gradients[0][i % n] += g[i] * x[i];   // ∂C/∂γ
              gradients[1][i % n] += g[i];          // ∂C/∂β
              if (gx != null) {
                gx[i] = g[i] * gamma[i % n];        // ∂C/∂x
              }
            }
          }

          @Override public double[][] gradients() { return gradients; }
        };
      }
    };
  }
}
