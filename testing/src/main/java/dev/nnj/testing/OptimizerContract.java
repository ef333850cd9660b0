package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.OptimizerState;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The {@link Optimizer} contract, checked on {@code f(w) = ½‖w − c‖²} over three parameter
 * blocks: call {@link #check} from a test of your own optimizer.
 *
 * <pre>{@code
 * @Test void lion_keepsTheContract() {
 *   OptimizerContract.check("lion", new Lion(1e-4, 0.9, 0.99));
 * }
 * }</pre>
 */
public final class OptimizerContract {

  /** {@code c}, the minimum of the test function; {@code ∇f = w − c} for one example. */
  private static final double[][] TARGET = {{1.0, -2.0, 3.0}, {0.5}, {-1.0, 4.0}};
  private static final int[] LENGTHS = {3, 1, 2};
  private static final boolean[] WEIGHTS = {true, false, true};

  private OptimizerContract() {}

  /** Every check below. */
  public static void check(String name, Optimizer optimizer) {
    leavesTheGradientsUnchanged(name, optimizer);
    refusesABatchSizeBelowOne(name, optimizer);
    stepOverListedBlocksEqualsTheFullStep(name, optimizer);
    restoreContinuesExactly(name, optimizer);
    reducesAQuadratic(name, optimizer);
    withLearningRateChangesOnlyTheLearningRate(name, optimizer);
    declaresTheStateItKeeps(name, optimizer);
    floatStepsFollowTheDoubleSteps(name, optimizer);
    floatStepsOverListedBlocksAndRestoredStatesAreExact(name, optimizer);
  }

  /**
   * A network in single precision steps its float blocks ({@code OptimizerState.step(float[][],
   * …)}): each of 30 float steps on the quadratic lands where the double step does, to float's
   * rounding.
   */
  public static void floatStepsFollowTheDoubleSteps(String name, Optimizer optimizer) {
    OptimizerState inDouble = optimizer.start(LENGTHS, WEIGHTS);
    OptimizerState inFloat = optimizer.start(LENGTHS, WEIGHTS);
    double[][] doubles = {new double[3], new double[1], new double[2]};
    float[][] floats = {new float[3], new float[1], new float[2]};
    for (int step = 1; step <= 30; step++) {
      descend(inDouble, doubles);
      descend(inFloat, floats);
      for (int block = 0; block < TARGET.length; block++) {
        for (int i = 0; i < TARGET[block].length; i++) {
          assertThat((double) floats[block][i])
              .as("%s: parameter %d of block %d after %d float steps", name, i, block, step)
              .isCloseTo(doubles[block][i], org.assertj.core.api.Assertions.within(
                  2e-5 * (1 + Math.abs(doubles[block][i]))));
        }
      }
    }
  }

  /** In float too: listed blocks give the full step, and a restored state continues exactly. */
  public static void floatStepsOverListedBlocksAndRestoredStatesAreExact(String name,
      Optimizer optimizer) {
    OptimizerState full = optimizer.start(LENGTHS, WEIGHTS);
    OptimizerState listed = optimizer.start(LENGTHS, WEIGHTS);
    float[][] a = {{0.3f, -0.1f, 0.2f}, {0.5f}, {-0.4f, 0.7f}};
    float[][] b = {a[0].clone(), a[1].clone(), a[2].clone()};
    int[][] lists = {{0, 2}, {1}, {2, 0, 1}, {}, {0}};
    for (int step = 0; step < lists.length; step++) {
      float[][] gradient = {new float[3], new float[1], new float[2]};
      for (int block : lists[step]) {
        for (int i = 0; i < gradient[block].length; i++) {
          gradient[block][i] = (float) Math.sin(1.0 + step + 3 * block + i);
        }
      }
      full.step(a, gradient, 2, 0.1);
      listed.step(b, gradient, lists[step], lists[step].length, 2, 0.1);
      assertThat(b).as("%s: listed float blocks against the full step, after step %d", name,
          step).isDeepEqualTo(a);
    }
    float[][] straight = {new float[3], new float[1], new float[2]};
    float[][] resumed = {new float[3], new float[1], new float[2]};
    OptimizerState uninterrupted = optimizer.start(LENGTHS, WEIGHTS);
    OptimizerState first = optimizer.start(LENGTHS, WEIGHTS);
    for (int step = 0; step < 7; step++) {
      descend(uninterrupted, straight);
      descend(first, resumed);
    }
    OptimizerState second = optimizer.start(LENGTHS, WEIGHTS);
    second.restore(first.save(), 7);
    for (int step = 0; step < 5; step++) {
      descend(uninterrupted, straight);
      descend(second, resumed);
    }
    assertThat(resumed).as("%s: float steps resumed from a saved state", name)
        .isDeepEqualTo(straight);
  }

  /**
   * {@link Optimizer#stateValuesPerParameter()} is what the state keeps: as many numbers per
   * parameter as a checkpoint of it holds, so that a memory estimate built on it holds too.
   */
  public static void declaresTheStateItKeeps(String name, Optimizer optimizer) {
    OptimizerState state = optimizer.start(LENGTHS, WEIGHTS);
    state.step(new double[][] {{0.3, -0.1, 0.2}, {0.5}, {-0.4, 0.7}},
        new double[][] {{0.1, 0.2, 0.3}, {0.4}, {0.5, 0.6}}, 1, 0.1);
    long saved = Arrays.stream(state.save()).mapToLong(block -> block.length).sum();
    assertThat(saved).as("%s: numbers its state keeps for 6 parameters", name)
        .isEqualTo(6L * optimizer.stateValuesPerParameter());
  }

  /** A step reads the gradients and never writes them: the trainer reuses their arrays. */
  public static void leavesTheGradientsUnchanged(String name, Optimizer optimizer) {
    double[][] gradients = {{0.5, -1.0}, {1.0}};
    OptimizerState state = optimizer.start(new int[] {2, 1}, new boolean[] {true, false});
    state.step(new double[][] {{1.0, 2.0}, {3.0}}, gradients, 2, 0.1);
    assertThat(gradients).as("%s: the gradients after a step", name)
        .isDeepEqualTo(new double[][] {{0.5, -1.0}, {1.0}});
  }

  /** A batch size below one is refused before anything moves. */
  public static void refusesABatchSizeBelowOne(String name, Optimizer optimizer) {
    double[][] parameters = {{1.0, 2.0}, {3.0}};
    OptimizerState state = optimizer.start(new int[] {2, 1}, new boolean[] {true, false});
    assertThatThrownBy(() -> state.step(parameters, new double[][] {{0.5, -1.0}, {1.0}}, 0, 0.1))
        .as("%s: a step with batch size 0", name).isInstanceOf(IllegalArgumentException.class);
    assertThat(parameters).as("%s: the parameters after a refused step", name)
        .isDeepEqualTo(new double[][] {{1.0, 2.0}, {3.0}});
  }

  /**
   * Stepping over the listed blocks only is the full step when the unlisted blocks' gradients are
   * zero: the trainer lists the first layer's rows that a sparse mini-batch touched.
   */
  public static void stepOverListedBlocksEqualsTheFullStep(String name, Optimizer optimizer) {
    OptimizerState full = optimizer.start(LENGTHS, WEIGHTS);
    OptimizerState listed = optimizer.start(LENGTHS, WEIGHTS);
    double[][] a = {{0.3, -0.1, 0.2}, {0.5}, {-0.4, 0.7}};
    double[][] b = {a[0].clone(), a[1].clone(), a[2].clone()};
    int[][] lists = {{0, 2}, {1}, {2, 0, 1}, {}, {0}};
    for (int step = 0; step < lists.length; step++) {
      double[][] gradient = {new double[3], new double[1], new double[2]};
      for (int block : lists[step]) {
        for (int i = 0; i < gradient[block].length; i++) {
          gradient[block][i] = Math.sin(1.0 + step + 3 * block + i);
        }
      }
      full.step(a, gradient, 2, 0.1);
      listed.step(b, gradient, lists[step], lists[step].length, 2, 0.1);
      assertThat(b).as("%s: listed blocks against the full step, after step %d", name, step)
          .isDeepEqualTo(a);
    }
  }

  /** A state saved after 7 steps and restored into a new run continues bit for bit. */
  public static void restoreContinuesExactly(String name, Optimizer optimizer) {
    double[][] straight = {new double[3], new double[1], new double[2]};
    double[][] resumed = {new double[3], new double[1], new double[2]};
    OptimizerState uninterrupted = optimizer.start(LENGTHS, WEIGHTS);
    OptimizerState first = optimizer.start(LENGTHS, WEIGHTS);
    for (int step = 0; step < 7; step++) {
      descend(uninterrupted, straight);
      descend(first, resumed);
    }
    OptimizerState second = optimizer.start(LENGTHS, WEIGHTS);
    second.restore(first.save(), 7);
    for (int step = 0; step < 5; step++) {
      descend(uninterrupted, straight);
      descend(second, resumed);
    }
    assertThat(resumed).as("%s: resumed from a saved state against uninterrupted", name)
        .isDeepEqualTo(straight);
  }

  /** With η = 0.1, 200 steps take {@code f} at least a quarter of the way down from 15.625. */
  public static void reducesAQuadratic(String name, Optimizer optimizer) {
    OptimizerState state = optimizer.withLearningRate(0.1).start(LENGTHS, WEIGHTS);
    double[][] parameters = {new double[3], new double[1], new double[2]};
    double start = cost(parameters);
    for (int step = 0; step < 200; step++) {
      descend(state, parameters);
    }
    assertThat(cost(parameters)).as("%s: ½‖w − c‖² after 200 steps from %s", name, start)
        .isLessThan(0.75 * start);
  }

  /** For a record: {@code withLearningRate} changes that component and no other. */
  public static void withLearningRateChangesOnlyTheLearningRate(String name, Optimizer optimizer) {
    Optimizer changed = optimizer.withLearningRate(0.0625);
    assertThat(changed.learningRate()).as("%s: withLearningRate(0.0625)", name).isEqualTo(0.0625);
    assertThat(changed).isInstanceOf(optimizer.getClass());
    if (!optimizer.getClass().isRecord()) {
      return;
    }
    for (RecordComponent component : optimizer.getClass().getRecordComponents()) {
      if (!component.getName().equals("learningRate")) {
        try {
          assertThat(component.getAccessor().invoke(changed))
              .as("%s: %s after withLearningRate", name, component.getName())
              .isEqualTo(component.getAccessor().invoke(optimizer));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(name + ": cannot read " + component.getName(), e);
        }
      }
    }
  }

  /** One step with the gradient of {@code f} at {@code parameters}, η = 0.1, m = 1. */
  private static void descend(OptimizerState state, double[][] parameters) {
    double[][] gradients = new double[TARGET.length][];
    for (int block = 0; block < TARGET.length; block++) {
      gradients[block] = new double[TARGET[block].length];
      for (int i = 0; i < TARGET[block].length; i++) {
        gradients[block][i] = parameters[block][i] - TARGET[block][i];
      }
    }
    state.step(parameters, gradients, 1, 0.1);
  }

  /** {@link #descend(OptimizerState, double[][])} for parameters in float. */
  private static void descend(OptimizerState state, float[][] parameters) {
    float[][] gradients = new float[TARGET.length][];
    for (int block = 0; block < TARGET.length; block++) {
      gradients[block] = new float[TARGET[block].length];
      for (int i = 0; i < TARGET[block].length; i++) {
        gradients[block][i] = (float) (parameters[block][i] - TARGET[block][i]);
      }
    }
    state.step(parameters, gradients, 1, 0.1);
  }

  private static double cost(double[][] parameters) {
    double sum = 0.0;
    for (int block = 0; block < TARGET.length; block++) {
      for (int i = 0; i < TARGET[block].length; i++) {
        double difference = parameters[block][i] - TARGET[block][i];
        sum += 0.5 * difference * difference;
      }
    }
    return sum;
  }
}
