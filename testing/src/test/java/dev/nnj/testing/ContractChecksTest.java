package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Cost;
import dev.nnj.costs.Quadratic;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.OptimizerState;
import dev.nnj.core.Initialization;
import dev.nnj.core.Schedule;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Dataset;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.InMemoryDataset;
import dev.nnj.datasets.Splits;
import java.nio.file.Path;
import org.apache.commons.math3.random.RandomGenerator;
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

  /** Draws from a generator of its own: the same seed no longer gives the same network. */
  static final class OwnRandom implements Initialization {
    private final java.util.Random own = new java.util.Random(1);

    @Override public double weight(RandomGenerator random, int inputs, int outputs) {
      return own.nextGaussian();
    }

    @Override public double bias(RandomGenerator random, int inputs, int outputs) {
      return random.nextGaussian();
    }
  }

  @Test
  void initializationWithItsOwnRandomness_fails() {
    assertThatThrownBy(() -> InitializationContract.check("own", new OwnRandom()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("own: draws from a second stream of the same seed");
  }

  @Test
  void initializationDrawingInfinity_fails() {
    Initialization overFanIn = new Initialization() {
      @Override public double weight(RandomGenerator random, int inputs, int outputs) {
        return random.nextGaussian() / (inputs - 1); // 1/0 for a one-input layer
      }

      @Override public double bias(RandomGenerator random, int inputs, int outputs) {
        return 0;
      }
    };
    assertThatThrownBy(() -> InitializationContract.drawsFiniteValues("fan-in-1", overFanIn))
        .isInstanceOf(AssertionError.class).hasMessageContaining("fan-in-1: draw 800 is");
  }

  /** Keeps its epoch count in the schedule, not in the run's state: a second run starts late. */
  static final class SharedCounter implements Schedule {
    private int epochs;

    @Override public State start(double initialLearningRate) {
      return new State() {
        @Override public double learningRate() {
          return initialLearningRate / (1 + epochs);
        }

        @Override public boolean epochFinished(int epoch, double evaluationAccuracy) {
          epochs++;
          return true;
        }
      };
    }
  }

  @Test
  void scheduleWhoseStateOutlivesTheRun_fails() {
    assertThatThrownBy(() -> ScheduleContract.eachRunStartsAfresh("shared", new SharedCounter()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("shared: the rates of a second run");
  }

  @Test
  void scheduleThatDividesByTheAccuracy_failsWithoutEvaluation() {
    Schedule byAccuracy = initial -> new Schedule.State() {
      private double last = 1;

      @Override public double learningRate() {
        return initial * last;
      }

      @Override public boolean epochFinished(int epoch, double evaluationAccuracy) {
        last = evaluationAccuracy;
        return true;
      }
    };
    assertThatThrownBy(() -> ScheduleContract.toleratesNoEvaluation("by-accuracy", byAccuracy))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("by-accuracy: a learning rate without evaluation data");
  }

  @Test
  void datasetWithoutTestExamples_fails() {
    Examples training = new Examples(new float[] {0, 1, 1, 0}, 2, new int[] {0, 1}, 2);
    Examples none = new Examples(new float[0], 2, new int[0], 2);
    Dataset untestable = new InMemoryDataset("no test split", new Splits(training, none, none));
    assertThatThrownBy(() -> DatasetContract.check("untestable", untestable,
        DataLocation.of(Path.of("."))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("untestable: test examples");
  }

  /** Shuffles its examples with an unseeded generator: two loads differ. */
  static final class Unseeded implements Dataset {
    private final java.util.Random random = new java.util.Random();

    @Override public Splits load(DataLocation location) {
      int[] labels = new int[50];
      float[] features = new float[50];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = random.nextInt(2);
        features[i] = labels[i];
      }
      Examples examples = new Examples(features, 1, labels, 2);
      return new Splits(examples, examples, examples);
    }

    @Override public String description() {
      return "random labels";
    }
  }

  @Test
  void datasetThatLoadsDifferentExamplesEachTime_fails() {
    assertThatThrownBy(() -> DatasetContract.loadsTheSameExamplesEveryTime("unseeded",
        new Unseeded(), DataLocation.of(Path.of("."))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("unseeded: training labels of a second load");
  }
}
