package dev.nnj.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every cost bound in {@link CostsModule} for what nnj asks of its own: the JSON form, equal
 * values, the registry name as {@code toString}. The gradient contract a user's cost must keep too
 * — {@code outputError} against central differences of {@code cost}, through the paired
 * activation where there is one — is published in nnj-testing ({@code CostContract}), whose own
 * tests run it over every built-in cost.
 */
class CostContractTest {

  private static final Key<Map<String, Cost>> COSTS = Key.get(new TypeLiteral<Map<String, Cost>>() {});
  private static final Map<String, Cost> BUILT_INS =
      Guice.createInjector(new CostsModule()).getInstance(COSTS);

  /** Registers every name of the map as a type id, as nnj's ObjectMapper provider does. */
  private static final ObjectMapper MAPPER = mapperFor(BUILT_INS);

  static Stream<Arguments> costs() {
    return BUILT_INS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void json_roundTripsToEqualObjectWithRegistryNameAsType(String name, Cost cost)
      throws JsonProcessingException {
    String json = MAPPER.writerFor(Cost.class).writeValueAsString(cost);

    assertThat(MAPPER.readTree(json)).isEqualTo(MAPPER.createObjectNode().put("type", name));
    assertThat(MAPPER.readValue(json, Cost.class)).isEqualTo(cost);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void equals_holdsForInstancesFromTwoInjectors(String name, Cost cost) {
    Cost other = Guice.createInjector(new CostsModule()).getInstance(COSTS).get(name);

    assertThat(cost).isEqualTo(other).hasSameHashCodeAs(other);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void toString_isRegistryName(String name, Cost cost) {
    assertThat(cost).hasToString(name);
  }

  private static ObjectMapper mapperFor(Map<String, Cost> costs) {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    costs.forEach((name, cost) -> mapper.registerSubtypes(new NamedType(cost.getClass(), name)));
    return mapper;
  }

}
