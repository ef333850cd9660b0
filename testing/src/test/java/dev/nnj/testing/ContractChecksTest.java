package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Cost;
import dev.nnj.costs.Quadratic;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.OptimizerState;
import org.junit.jupiter.api.Test;

/** The checks fail on parts that break the contract, naming what is wrong. */
class ContractChecksTest {

  /** Softsign with the derivative's square forgotten: 1 / (1 + |z|) instead of its square. */
  static final class WrongSoftsign implements Activation {
    @Override public void apply(double[] z, double[] a, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        a[i] = z[i] / (1 + Math.abs(z[i]));
      }
    }

    @Override public void derivative(double[] z, double[] a, double[] gradient, int rows,
        int cols) {
      for (int i = 0; i < rows * cols; i++) {
        gradient[i] *= 1 / (1 + Math.abs(z[i]));
      }
    }
  }

  /** Writes into its output while still reading its input: wrong when called in place. */
  static final class ReadsAfterWriting implements Activation {
    @Override public void apply(double[] z, double[] a, int rows, int cols) {
      for (int i = 0; i < rows * cols; i++) {
        a[i] = z[i];
        a[i] += i > 0 ? 0.5 * z[i - 1] : 0.0;
      }
    }

    @Override public void derivative(double[] z, double[] a, double[] gradient, int rows,
        int cols) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void wrongDerivative_failsNamingTheEntry() {
    assertThatThrownBy(() -> ActivationContract.check("softsign", new WrongSoftsign()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("softsign: derivative, entry 0 of a 3 × 5 block");
  }

  @Test
  void applyThatCannotRunInPlace_fails() {
    assertThatThrownBy(() -> ActivationContract.appliesInPlace("shifty", new ReadsAfterWriting()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("shifty: apply in place");
  }

  @Test
  void mapperThatDoesNotKnowTheName_fails() {
    assertThatThrownBy(() -> JsonContract.check("sigmoid", new Sigmoid(), Activation.class,
        new ObjectMapper()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("sigmoid: the \"type\" written in {\"type\":\"Sigmoid\"}");
  }

  /** The quadratic cost with its error's sign flipped. */
  static final class WrongQuadratic implements Cost {
    private final Quadratic right = new Quadratic();

    @Override public double cost(double[] a, double[] y, int rows, int cols) {
      return right.cost(a, y, rows, cols);
    }

    @Override public void outputError(double[] a, double[] y, double[] error, int rows, int cols) {
      right.outputError(a, y, error, rows, cols);
      for (int i = 0; i < rows * cols; i++) {
        error[i] = -error[i];
      }
    }
  }

  @Test
  void costWhoseErrorIsNotItsGradient_failsNamingTheEntry() {
    assertThatThrownBy(() -> CostContract.check("wrong-quadratic", new WrongQuadratic()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("wrong-quadratic: ∂C/∂a, entry 0 of a 4 × 5 block");
  }

  /** SGD that divides the gradient by m in place: right steps, but it clobbers the gradients. */
  record ScalesInPlace(double learningRate) implements Optimizer {
    @Override public Optimizer withLearningRate(double learningRate) {
      return new ScalesInPlace(learningRate);
    }

    @Override public OptimizerState start(int[] blockLengths,
        boolean[] weightBlocks) {
      return (parameters, gradients, batchSize, learningRate) -> {
        if (batchSize < 1) {
          throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        for (int b = 0; b < parameters.length; b++) {
          for (int i = 0; i < parameters[b].length; i++) {
            gradients[b][i] /= batchSize;
            parameters[b][i] -= learningRate * gradients[b][i];
          }
        }
      };
    }
  }

  @Test
  void optimizerThatWritesIntoTheGradients_fails() {
    assertThatThrownBy(() -> OptimizerContract.check("scales-in-place", new ScalesInPlace(0.1)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("scales-in-place: the gradients after a step");
  }
}
