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

/**
 * Every optimizer the module binds, checked for its JSON form. The behaviour a user's optimizer
 * must keep too — gradients left unchanged, listed-blocks steps, save and restore, descent,
 * {@code withLearningRate} — is published in nnj-testing ({@code OptimizerContract}), whose own
 * tests run it over every built-in optimizer.
 */
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
