package dev.nnj.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer the module binds, checked against the {@link Optimizer} contract. */
class OptimizerContractTest {

  private static final Map<String, Optimizer> OPTIMIZERS =
      Guice.createInjector(new OptimizersModule())
          .getInstance(Key.get(new TypeLiteral<Map<String, Optimizer>>() {}));

  /** Registers every bound name as a JSON type id, as the application's mapper provider does. */
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static {
    OPTIMIZERS.forEach(
        (name, optimizer) -> MAPPER.registerSubtypes(new NamedType(optimizer.getClass(), name)));
  }

  static Stream<Arguments> optimizers() {
    return OPTIMIZERS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  // f(w) = ½‖w − c‖² over three blocks, so ∇f = w − c (one example, m = 1); start at w = 0.
  private static final double[][] TARGET = {{1.0, -2.0, 3.0}, {0.5}, {-1.0, 4.0}};

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void stepOverListedBlocks_equalsTheFullStepWhenTheOthersAreZero(String name, Optimizer optimizer) {
    int[] lengths = {3, 1, 2};
    boolean[] weights = {true, false, true};
    OptimizerState full = optimizer.start(lengths, weights);
    OptimizerState listed = optimizer.start(lengths, weights);
    double[][] a = {{0.3, -0.1, 0.2}, {0.5}, {-0.4, 0.7}};
    double[][] b = {a[0].clone(), a[1].clone(), a[2].clone()};
    // Each step lists different blocks; the unlisted ones get a zero gradient.
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
      assertThat(b).as("after step %d", step).isDeepEqualTo(a);
    }
    assertThat(a[0]).as("the parameters moved").isNotEqualTo(new double[] {0.3, -0.1, 0.2});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void restore_continuesExactlyAsAnUninterruptedRun(String name, Optimizer optimizer) {
    int[] lengths = {3, 1, 2};
    boolean[] weights = {true, false, true};
    double[][] straight = {new double[3], new double[1], new double[2]};
    double[][] resumed = {new double[3], new double[1], new double[2]};
    OptimizerState uninterrupted = optimizer.withLearningRate(0.1).start(lengths, weights);
    OptimizerState first = optimizer.withLearningRate(0.1).start(lengths, weights);
    for (int step = 0; step < 7; step++) {
      descend(uninterrupted, straight);
      descend(first, resumed);
    }
    // A new run picks up the saved state, as training resumed from a checkpoint does.
    OptimizerState second = optimizer.withLearningRate(0.1).start(lengths, weights);
    second.restore(first.save(), 7);
    for (int step = 0; step < 5; step++) {
      descend(uninterrupted, straight);
      descend(second, resumed);
    }
    assertThat(resumed).isDeepEqualTo(straight);
  }

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

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void step_reducesAQuadraticOverTwoHundredSteps(String name, Optimizer optimizer) {
    // One η for all: the defaults suit different scales (sgd's 3.0 diverges here, |1 − η| > 1).
    double learningRate = 0.1;
    OptimizerState state =
        optimizer.withLearningRate(learningRate)
            .start(new int[] {3, 1, 2}, new boolean[] {true, false, true});
    double[][] parameters = {new double[3], new double[1], new double[2]};
    double[][] gradients = {new double[3], new double[1], new double[2]};
    double start = cost(parameters);

    for (int step = 0; step < 200; step++) {
      for (int block = 0; block < TARGET.length; block++) {
        for (int i = 0; i < TARGET[block].length; i++) {
          gradients[block][i] = parameters[block][i] - TARGET[block][i];
        }
      }
      state.step(parameters, gradients, 1, learningRate);
    }

    // f starts at 15.625. Every rule here gets at least a quarter of the way down; most to ~0.
    assertThat(cost(parameters)).isLessThan(0.75 * start);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void json_roundTripsToAnEqualRecordTypedByItsName(String name, Optimizer optimizer)
      throws Exception {
    String json = MAPPER.writerFor(Optimizer.class).writeValueAsString(optimizer);
    JsonNode tree = MAPPER.readTree(json);

    List<String> expectedFields = new ArrayList<>(List.of("type"));
    for (RecordComponent component : optimizer.getClass().getRecordComponents()) {
      expectedFields.add(component.getName());
    }
    assertThat(tree.get("type").asText()).isEqualTo(name);
    assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(expectedFields);
    assertThat(MAPPER.readValue(json, Optimizer.class)).isEqualTo(optimizer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void withLearningRate_changesOnlyTheLearningRate(String name, Optimizer optimizer)
      throws Exception {
    Optimizer changed = optimizer.withLearningRate(0.0625);

    assertThat(changed.learningRate()).isEqualTo(0.0625);
    assertThat(changed).isInstanceOf(optimizer.getClass());
    for (RecordComponent component : optimizer.getClass().getRecordComponents()) {
      if (!component.getName().equals("learningRate")) {
        assertThat(component.getAccessor().invoke(changed))
            .as(component.getName())
            .isEqualTo(component.getAccessor().invoke(optimizer));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void step_refusesABatchSizeBelowOneAndChangesNothing(String name, Optimizer optimizer) {
    double[][] parameters = {{1.0, 2.0}, {3.0}};
    OptimizerState state = optimizer.start(new int[] {2, 1}, new boolean[] {true, false});

    assertThatThrownBy(
            () -> state.step(parameters, new double[][] {{0.5, -1.0}, {1.0}}, 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be >= 1: 0");
    assertThat(parameters).isDeepEqualTo(new double[][] {{1.0, 2.0}, {3.0}});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void step_leavesTheGradientsUnchanged(String name, Optimizer optimizer) {
    double[][] gradients = {{0.5, -1.0}, {1.0}};
    OptimizerState state = optimizer.start(new int[] {2, 1}, new boolean[] {true, false});

    state.step(new double[][] {{1.0, 2.0}, {3.0}}, gradients, 2, 0.1);

    assertThat(gradients).isDeepEqualTo(new double[][] {{0.5, -1.0}, {1.0}});
  }

  @Test
  void json_readsTheFormDocumentedOnOptimizer() throws Exception {
    String documented =
        "{\"type\": \"adam\", \"learningRate\": 0.001, \"beta1\": 0.9, \"beta2\": 0.999,"
            + " \"epsilon\": 1e-8}";

    assertThat(MAPPER.readValue(documented, Optimizer.class))
        .isEqualTo(new Adam(0.001, 0.9, 0.999, 1e-8));
  }

  @Test
  void json_refusesAnOutOfRangeValueWithTheConstructorsMessage() {
    String json = "{\"type\": \"momentum\", \"learningRate\": 0.1, \"momentum\": 1.0}";

    assertThatThrownBy(() -> MAPPER.readValue(json, Optimizer.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("momentum must be in [0, 1): 1.0");
  }
}
