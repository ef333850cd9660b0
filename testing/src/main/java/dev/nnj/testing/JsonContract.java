package dev.nnj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON contract of every named part — activation, cost, optimizer, initialisation,
 * regularisation, schedule, a user's own included: written by the registry's mapper it carries
 * its bound name as {@code "type"}, and reads back to an equal object. Pass the mapper of a
 * registry that has your binding ({@code Registry.jsonMapper()} in nnj-experiments).
 *
 * <pre>{@code
 * ObjectMapper mapper = Guice.createInjector(new NnjModule(), new MyModule())
 *     .getInstance(Registry.class).jsonMapper();
 * JsonContract.check("swish", new Swish(), Activation.class, mapper);
 * }</pre>
 */
public final class JsonContract {

  private JsonContract() {}

  /** Checks that {@code part} is written under {@code name} and reads back equal. */
  public static <T> void check(String name, T part, Class<T> family, ObjectMapper mapper) {
    String json;
    try {
      json = mapper.writerFor(family).writeValueAsString(part);
      assertThat(mapper.readTree(json).path("type").asText())
          .as("%s: the \"type\" written in %s", name, json).isEqualTo(name);
      assertThat(mapper.readValue(json, family)).as("%s: read back from %s", name, json)
          .isEqualTo(part);
    } catch (JsonProcessingException e) {
      throw new AssertionError(name + ": JSON round trip failed: " + e.getOriginalMessage(), e);
    }
  }
}
