package dev.nnj.activations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;

/** The JSON mapper an application builds: every name in the Guice map registered as a type id. */
final class ActivationJson {

  static final Key<Map<String, Activation>> ACTIVATIONS =
      Key.get(new TypeLiteral<Map<String, Activation>>() {});

  private ActivationJson() {}

  /** Parameterless activations have no properties, hence FAIL_ON_EMPTY_BEANS off. */
  static ObjectMapper mapper(Map<String, Activation> activations) {
    ObjectMapper mapper =
        JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
    activations.forEach(
        (name, activation) -> mapper.registerSubtypes(new NamedType(activation.getClass(), name)));
    return mapper;
  }

  /** A mapper for the built-in names of {@link ActivationsModule}. */
  static ObjectMapper builtIns() {
    return mapper(Guice.createInjector(new ActivationsModule()).getInstance(ACTIVATIONS));
  }
}
