package dev.nnj.experiments;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads one family's parts by name, {@code {"type": "adam", "learningRate": 0.01}}, taking every
 * field the JSON leaves out from the instance bound under that name: the bound instance is the
 * part's default, so {@code {"type": "leaky-relu"}} is {@code new LeakyRelu()} and a user's own
 * binding gets its defaults the same way. A type, field or value that is wrong is refused in one
 * line naming the family, the part, the field and what is allowed.
 */
final class NamedPartReader<T> extends StdDeserializer<T> {

  private final String family;
  private final Class<T> type;
  private final Map<String, T> bound;
  /** Knows every name but has no {@code NamedPartReader}: reads a complete part, writes a default. */
  private final ObjectMapper plain;

  NamedPartReader(String family, Class<T> type, Map<String, T> bound, ObjectMapper plain) {
    super(type);
    this.family = family;
    this.type = type;
    this.bound = bound;
    this.plain = plain;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonNode given = parser.readValueAsTree();
    try {
      // Nested parts (a dense layer's activation) are read with this context's mapper, so
      // they too take their defaults and may be named by their name alone.
      return read(given, context::readTreeAsValue);
    } catch (IllegalArgumentException refused) {
      throw JsonMappingException.from(parser, refused.getMessage(), refused);
    }
  }

  /**
   * Reads one part from its JSON tree.
   *
   * @throws IllegalArgumentException with a one-line message naming the family, the part, the
   *     field and what it takes ({@link UnknownPartException} for an unknown type name)
   */
  T read(JsonNode given) {
    return read(given, (tree, target) -> plain.treeToValue(tree, target));
  }

  /** Reads a complete part's tree as a class: the plain mapper, or a deserialisation context. */
  interface TreeReader {
    Object read(JsonNode tree, Class<?> target) throws IOException;
  }

  private T read(JsonNode given, TreeReader reader) {
    if (given != null && given.isTextual()) {
      given = plain.createObjectNode().put("type", given.asText()); // "sigmoid" is {"type": "sigmoid"}
    }
    if (given == null || !given.isObject()) {
      throw new IllegalArgumentException(
          "a " + family + " is an object {\"type\": NAME, …}, not " + given);
    }
    JsonNode name = given.get("type");
    if (name == null || !name.isTextual()) {
      throw new IllegalArgumentException("a " + family + " needs \"type\", one of: " + known());
    }
    T defaults = bound.get(name.asText());
    if (defaults == null) {
      throw new UnknownPartException(family, name.asText(), bound.keySet());
    }
    if (given.size() == 1) {
      return defaults; // only the name: the bound instance itself
    }
    String part = family + " '" + name.asText() + "'";
    ObjectNode defaultTree = plain.valueToTree(defaults);
    ObjectNode merged = defaultTree.deepCopy();
    // The fields the default writes, and those it leaves out when null (a layer's own
    // initialisation): every property Jackson sees on the class.
    TreeSet<String> fields = new TreeSet<>();
    merged.fieldNames().forEachRemaining(fields::add);
    plain.getSerializationConfig().introspect(plain.constructType(defaults.getClass()))
        .findProperties().forEach(property -> fields.add(property.getName()));
    fields.remove("type");
    List<String> unknown = new ArrayList<>();
    given.fieldNames().forEachRemaining(field -> {
      if (!fields.contains(field) && !field.equals("type")) {
        unknown.add(field);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(part + ": unknown field \"" + unknown.get(0) + "\"; "
          + (fields.isEmpty() ? "it takes no fields" : "known: " + String.join(", ", fields)));
    }
    merged.setAll((ObjectNode) given);
    // A family without type ids in JSON (datasets) is read as the bound instance's own class.
    boolean typed = defaultTree.has("type");
    if (!typed) {
      merged.remove("type");
    }
    try {
      // The bound instance's own class, never the family: that would come back here.
      return type.cast(reader.read(merged, defaults.getClass()));
    } catch (MismatchedInputException wrongType) {
      String field = wrongType.getPath().isEmpty() ? "?"
          : wrongType.getPath().get(wrongType.getPath().size() - 1).getFieldName();
      throw new IllegalArgumentException(part + ": " + field + " cannot be " + given.get(field)
          + "; it takes " + describe(wrongType.getTargetType()) + " (default "
          + defaultTree.get(field) + ")", wrongType);
    } catch (JsonProcessingException invalid) {
      Throwable cause = invalid.getCause();
      String problem = cause instanceof IllegalArgumentException ? cause.getMessage()
          : invalid.getOriginalMessage();
      throw new IllegalArgumentException(
          part + ": " + problem.replaceAll("\\s*\\R\\s*", " "), invalid);
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(part + ": " + unreadable.getMessage(), unreadable);
    }
  }

  /** The JSON is read whole by {@link #deserialize}; the {@code "type"} is one of its fields. */
  @Override
  public Object deserializeWithType(JsonParser parser, DeserializationContext context,
      TypeDeserializer typeDeserializer) throws IOException {
    return deserialize(parser, context);
  }

  private String known() {
    return String.join(", ", new TreeSet<>(bound.keySet()));
  }

  private static String describe(Class<?> target) {
    if (target == null) {
      return "another kind of value";
    }
    if (target == double.class || target == Double.class || target == float.class) {
      return "a number";
    }
    if (target == int.class || target == Integer.class || target == long.class
        || target == Long.class) {
      return "a whole number";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "true or false";
    }
    if (target == String.class) {
      return "a string";
    }
    return "a " + target.getSimpleName();
  }

}
