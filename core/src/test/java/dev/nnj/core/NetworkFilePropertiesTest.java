package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Quadratic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * NetworkFile.read's contract on any text: a network whose shapes and numbers are the file's, or a
 * {@link NetworkFileException} with a one-line message starting with the file. Inputs are JSON-ish
 * token soup, cuts and edits of the golden file's text, and structural mutations of its tree.
 */
class NetworkFilePropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = mapper();
  private static final String GOLDEN_TEXT = goldenText();
  private static final List<String> FIELDS =
      List.of("format", "sizes", "activations", "cost", "weights", "biases", "training");

  private static Path directory;

  @BeforeContainer
  static void createDirectory() throws IOException {
    directory = Files.createTempDirectory("network-file-properties");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Property(tries = 300, seed = "20261126")
  void read_jsonishText_returnsTheNetworkOrRefusesInOneLine(@ForAll("jsonishTexts") String text) {
    readOrRefuse(text);
  }

  @Property(tries = 300, seed = "20261126")
  void read_mutatedGolden_returnsTheNetworkOrRefusesInOneLine(
      @ForAll @Size(min = 1, max = 2) List<@From("mutations") Mutation> mutations) {
    JsonNode root = golden();
    for (Mutation mutation : mutations) {
      mutation.applyTo(root);
    }
    readOrRefuse(root.toPrettyString());
  }

  /**
   * Reads {@code text} from a file. A network must have the shapes of "sizes" and the file's
   * numbers; a refusal must be a one-line NetworkFileException starting with the file. Anything
   * else fails the property, with the text in the message so that the shrunk input is readable.
   */
  private static void readOrRefuse(String text) {
    Path file = directory.resolve("network.json");
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    NetworkFile.Saved saved;
    try {
      saved = NetworkFile.read(file, MAPPER);
    } catch (NetworkFileException e) {
      assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n", "\r");
      assertThat(e.file()).isEqualTo(file);
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("NetworkFile.read threw " + e + " instead of a NetworkFileException"
          + " for this file:\n" + text, e);
    }
    assertMatchesFile(saved.network(), text);
  }

  private static void assertMatchesFile(Network network, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("read a network from text that is not JSON:\n" + text, e);
    }
    List<Integer> sizes = new ArrayList<>();
    root.get("sizes").forEach(size -> sizes.add(size.intValue()));
    assertThat(network.sizes()).isEqualTo(sizes);
    assertThat(network.denseLayers()).hasSize(sizes.size() - 1);
    for (int l = 0; l < network.denseLayers().size(); l++) {
      DenseLayer layer = network.denseLayers().get(l);
      assertThat(layer.inputs()).isEqualTo(sizes.get(l));
      assertThat(layer.outputs()).isEqualTo(sizes.get(l + 1));
      assertThat(layer.activation()).isNotNull();
      for (int j = 0; j < layer.outputs(); j++) {
        assertThat(layer.bias(j)).isEqualTo(root.get("biases").get(l).get(j).doubleValue());
        for (int k = 0; k < layer.inputs(); k++) {
          assertThat(layer.weight(j, k)).isEqualTo(root.get("weights").get(l).get(j).get(k).doubleValue());
        }
      }
    }
  }

  /** Token soup, and the golden text cut short or with one character changed. */
  @Provide
  Arbitrary<String> jsonishTexts() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"format\"", "\"sizes\"",
            "\"activations\"", "\"weights\"", "\"biases\"", "\"cost\"", "\"training\"", "\"type\"",
            "\"sigmoid\"", "\"quadratic\"", "1", "2", "0", "-1", "0.5", "1e999", "NaN", "null",
            "true", "\"x\"", " ", "\n", "{\"type\": \"sigmoid\"}", "[3, 4, 2]", "\"format\": 1,")
        .list().ofMaxSize(40).map(list -> String.join("", list));
    Arbitrary<String> cut = Arbitraries.integers().between(0, GOLDEN_TEXT.length())
        .map(length -> GOLDEN_TEXT.substring(0, length));
    Arbitrary<String> edited = Combinators.combine(
            Arbitraries.integers().between(0, GOLDEN_TEXT.length() - 1),
            Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '0', '9', 'e', '.', ' ', 'x', '\0'))
        .as((at, c) -> GOLDEN_TEXT.substring(0, at) + c + GOLDEN_TEXT.substring(at + 1));
    return Arbitraries.oneOf(tokens, cut, edited);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 200);
    Arbitrary<JsonNode> values = values();
    Arbitrary<Mutation> setEntry = Combinators.combine(
            Arbitraries.of("sizes", "activations", "weights", "biases"),
            Arbitraries.integers().between(0, 3), values)
        .as(SetEntry::new);
    return Arbitraries.frequencyOf(
        Tuple.of(2, target.map(Remove::new)),
        Tuple.of(4, Combinators.combine(target, values).as(Replace::new)),
        Tuple.of(1, Combinators.combine(target, values).as(Insert::new)),
        Tuple.of(1, Combinators.combine(Arbitraries.of(FIELDS), values).as(SetField::new)),
        Tuple.of(4, setEntry),
        Tuple.of(1, Arbitraries.integers().map(format -> new SetField("format", NODES.numberNode(format)))));
  }

  /** Values of every JSON type, at and beyond the edges of what the format allows. */
  private static Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> special = Arbitraries.of(
        NODES.nullNode(), NODES.booleanNode(true), NODES.textNode(""), NODES.textNode("1"),
        NODES.textNode("NaN"), NODES.textNode("Infinity"), NODES.textNode("sigmoid"),
        NODES.textNode("two\nlines"), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
        NODES.numberNode(2), NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Integer.MIN_VALUE),
        NODES.numberNode(1L << 31), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1.5),
        NODES.numberNode(-0.0), NODES.numberNode(Double.MAX_VALUE), NODES.numberNode(Double.MIN_VALUE),
        NODES.numberNode(Double.NaN), NODES.numberNode(Double.POSITIVE_INFINITY),
        NODES.numberNode(BigInteger.TEN.pow(400)), NODES.numberNode(new BigDecimal("1e400")),
        raw("1e999"), raw("-1e999"), raw("NaN"), raw("Infinity"),
        NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add(NODES.arrayNode()),
        NODES.arrayNode().addNull(), typed("sigmoid"), typed("quadratic"), typed("relu"),
        typed("Sigmoid"), typed(""), typed("two\nlines"), NODES.objectNode().putNull("type"),
        NODES.objectNode().put("type", 1), typed("sigmoid").put("extra", 1));
    Arbitrary<JsonNode> nulls = Arbitraries.just(NODES.nullNode());
    Arbitrary<JsonNode> ints = Arbitraries.integers().map(NODES::numberNode);
    Arbitrary<JsonNode> doubles = Arbitraries.doubles().map(NODES::numberNode);
    Arbitrary<JsonNode> texts = Arbitraries.strings().ofMaxLength(8).map(NODES::textNode);
    Arbitrary<JsonNode> sizes = Arbitraries.integers().between(-1, 5).list().ofMaxSize(5)
        .map(list -> {
          ArrayNode array = NODES.arrayNode();
          list.forEach(array::add);
          return array;
        });
    return Arbitraries.frequencyOf(
        Tuple.of(2, nulls), Tuple.of(4, special), Tuple.of(1, ints),
        Tuple.of(1, doubles), Tuple.of(1, texts),
        Tuple.of(2, sizes));
  }

  private static JsonNode raw(String token) {
    return NODES.rawValueNode(new RawValue(token));
  }

  private static ObjectNode typed(String name) {
    return NODES.objectNode().put("type", name);
  }

  /** A change to a JSON tree; {@code target} numbers the non-root nodes in document order, modulo their count. */
  sealed interface Mutation permits Remove, Replace, Insert, SetField, SetEntry {
    void applyTo(JsonNode root);
  }

  /** Removes the target node: a field from its object or an entry from its array. */
  record Remove(int target) implements Mutation {
    @Override public void applyTo(JsonNode root) {
      Place place = Place.find(root, target);
      if (place.parent() instanceof ObjectNode object) {
        object.remove(place.field());
      } else {
        ((ArrayNode) place.parent()).remove(place.index());
      }
    }
  }

  /** Replaces the target node by {@code value}. */
  record Replace(int target, JsonNode value) implements Mutation {
    @Override public void applyTo(JsonNode root) {
      Place place = Place.find(root, target);
      if (place.parent() instanceof ObjectNode object) {
        object.set(place.field(), value.deepCopy());
      } else {
        ((ArrayNode) place.parent()).set(place.index(), value.deepCopy());
      }
    }
  }

  /** Appends {@code value} to the target's parent: an array entry, or a field named "extra". */
  record Insert(int target, JsonNode value) implements Mutation {
    @Override public void applyTo(JsonNode root) {
      JsonNode parent = Place.find(root, target).parent();
      if (parent instanceof ObjectNode object) {
        object.set("extra", value.deepCopy());
      } else {
        ((ArrayNode) parent).add(value.deepCopy());
      }
    }
  }

  /** Sets a top-level field. */
  record SetField(String field, JsonNode value) implements Mutation {
    @Override public void applyTo(JsonNode root) {
      ((ObjectNode) root).set(field, value.deepCopy());
    }
  }

  /** Sets entry {@code index} (modulo its length) of a top-level array, such as an activation. */
  record SetEntry(String field, int index, JsonNode value) implements Mutation {
    @Override public void applyTo(JsonNode root) {
      if (root.get(field) instanceof ArrayNode array && !array.isEmpty()) {
        array.set(index % array.size(), value.deepCopy());
      }
    }
  }

  /** Where a node sits: its container and its field name or index. */
  record Place(JsonNode parent, String field, int index) {
    static Place find(JsonNode root, int target) {
      List<Place> places = new ArrayList<>();
      collect(root, places);
      return places.isEmpty() ? new Place(root, "extra", 0) : places.get(target % places.size());
    }

    private static void collect(JsonNode container, List<Place> places) {
      if (container instanceof ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          places.add(new Place(object, name, -1));
          collect(object.get(name), places);
        }
      } else if (container instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          places.add(new Place(array, null, i));
          collect(array.get(i), places);
        }
      }
    }
  }

  private static JsonNode golden() {
    try {
      return MAPPER.readTree(GOLDEN_TEXT);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static String goldenText() {
    try (InputStream in = NetworkFilePropertiesTest.class.getResourceAsStream("network-format-1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mapper examples' Registry builds, reduced to the two names the golden file uses. */
  private static ObjectMapper mapper() {
    ObjectMapper mapper = JsonMapper.builder()
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
    mapper.registerSubtypes(new NamedType(Sigmoid.class, "sigmoid"),
        new NamedType(Quadratic.class, "quadratic"));
    return mapper;
  }
}
