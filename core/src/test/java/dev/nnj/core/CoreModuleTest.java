package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The contract of core's three families: every bound entry round-trips through JSON under its name. */
class CoreModuleTest {

  private static final Injector INJECTOR = Guice.createInjector(new CoreModule());

  private static final Map<String, Initialization> INITIALIZATIONS =
      INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Initialization>>() {}));
  private static final Map<String, Regularization> REGULARIZATIONS =
      INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Regularization>>() {}));
  private static final Map<String, Schedule> SCHEDULES =
      INJECTOR.getInstance(Key.get(new TypeLiteral<Map<String, Schedule>>() {}));

  private static ObjectMapper mapper() {
    ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    for (Map<String, ?> family : List.of(INITIALIZATIONS, REGULARIZATIONS, SCHEDULES)) {
      family.forEach((name, part) -> mapper.registerSubtypes(new NamedType(part.getClass(), name)));
    }
    return mapper;
  }

  static Stream<Arguments> entries() {
    List<Arguments> all = new ArrayList<>();
    INITIALIZATIONS.forEach((name, part) -> all.add(Arguments.of(name, part, Initialization.class)));
    REGULARIZATIONS.forEach((name, part) -> all.add(Arguments.of(name, part, Regularization.class)));
    SCHEDULES.forEach((name, part) -> all.add(Arguments.of(name, part, Schedule.class)));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entries")
  void entry_roundTripsThroughJsonUnderItsName(String name, Object part, Class<?> family)
      throws Exception {
    ObjectMapper mapper = mapper();
    String json = mapper.writerFor(family).writeValueAsString(part);
    JsonNode tree = mapper.readTree(json);
    assertThat(tree.get("type").asText()).isEqualTo(name);
    assertThat(mapper.readValue(json, family)).isEqualTo(part);
  }

  @Test
  void maps_holdTheBuiltInNames() {
    assertThat(INITIALIZATIONS).containsOnlyKeys("standard-normal", "normal-over-fan-in", "glorot", "he",
        "normal-over-fan-out", "zeros");
    assertThat(REGULARIZATIONS).containsOnlyKeys("none", "l2", "l1");
    assertThat(SCHEDULES).containsOnlyKeys("constant", "step-decay", "halve-on-plateau");
  }

  @Test
  void parameters_areReadFromJson() throws Exception {
    assertThat(mapper().readValue("{\"type\": \"l2\", \"lambda\": 5.0}", Regularization.class))
        .isEqualTo(new L2(5.0));
    assertThat(mapper().readValue("{\"type\": \"step-decay\", \"factor\": 0.1, \"every\": 20}",
        Schedule.class)).isEqualTo(new StepDecay(0.1, 20));
  }

  @Test
  void duplicateName_failsAtInjectorCreation() {
    assertThatThrownBy(() -> Guice.createInjector(new CoreModule(), new AbstractModule() {
      @Override protected void configure() {
        CoreModule.initializationBinder(binder()).addBinding("he").toInstance(new Glorot());
      }
    })).isInstanceOf(CreationException.class).hasMessageContaining("he");
  }
}
