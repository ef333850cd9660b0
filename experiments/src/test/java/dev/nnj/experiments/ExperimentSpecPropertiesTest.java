package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.google.inject.Guice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * ExperimentSpec.read's contract on mutations of the shipped experiments: a spec that writes and
 * reads back equal, or an {@link IllegalArgumentException} with a one-line message naming the
 * file. No other exception (NullPointerException, ClassCastException, a Jackson exception) may
 * escape.
 */
class ExperimentSpecPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      Guice.createInjector(new NnjModule()).getInstance(Registry.class).jsonMapper();

  /** The record's fields, plus one it does not have. */
  private static final List<String> FIELDS = List.of("description", "sizes", "activations", "cost",
      "initialization", "regularization", "dropout", "optimizer", "schedule", "earlyStopping",
      "dataset", "evaluateOn", "epochs", "batchSize", "seed", "monitoring", "learningRate");

  /** Registry names of every family, so a name can land in the wrong family, and some unknown ones. */
  private static final List<String> TYPE_NAMES = List.of("sigmoid", "tanh", "relu", "softmax",
      "quadratic", "cross-entropy", "log-likelihood", "sgd", "momentum", "adam", "l1", "l2", "none",
      "standard-normal", "normal-over-fan-in", "he", "constant", "halve-on-plateau", "step-decay",
      "mnist", "Sigmoid", "", "two\nlines", "dev.nnj.activations.Sigmoid");

  private static Path directory;

  @BeforeContainer
  static void createDirectory() throws IOException {
    directory = Files.createTempDirectory("experiment-spec-properties");
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
  void read_mutatedShippedExperiment_returnsASpecOrRefusesInOneLine(
      @ForAll("shippedExperiments") Path shipped,
      @ForAll @Size(min = 1, max = 2) List<@From("mutations") Mutation> mutations) throws IOException {
    JsonNode root = MAPPER.readTree(shipped.toFile());
    for (Mutation mutation : mutations) {
      mutation.applyTo(root);
    }
    readOrRefuse(root.toPrettyString());
  }

  @Property(tries = 100, seed = "20261126")
  void read_shippedExperimentCut_returnsASpecOrRefusesInOneLine(
      @ForAll("shippedExperiments") Path shipped, @ForAll @IntRange(min = 0, max = 2000) int length)
      throws IOException {
    String text = Files.readString(shipped);
    readOrRefuse(text.substring(0, length % (text.length() + 1)));
  }

  /**
   * Reads {@code text} from a file. A spec must survive a write and a read unchanged; a refusal
   * must be a one-line IllegalArgumentException naming the file. Anything else fails the property,
   * with the text in the message so that the shrunk input is readable.
   */
  private static void readOrRefuse(String text) {
    Path file = directory.resolve("spec.json");
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExperimentSpec spec;
    try {
      spec = ExperimentSpec.read(file, MAPPER);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() == null || !e.getMessage().contains(file.toString())
          || e.getMessage().contains("\n") || e.getMessage().contains("\r")) {
        throw new AssertionError("ExperimentSpec.read's message is not one line naming the file: "
            + e.getMessage() + "\nfor this file:\n" + text, e);
      }
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("ExperimentSpec.read threw " + e + " instead of an"
          + " IllegalArgumentException for this file:\n" + text, e);
    }
    Path copy = directory.resolve("copy.json");
    try {
      MAPPER.writeValue(copy.toFile(), spec);
    } catch (IOException e) {
      throw new AssertionError("cannot write the spec read from:\n" + text, e);
    }
    assertThat(ExperimentSpec.read(copy, MAPPER)).as("read back after writing").isEqualTo(spec);
  }

  @Provide
  Arbitrary<Path> shippedExperiments() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../examples/experiments"))) {
      return Arbitraries.of(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 100);
    Arbitrary<JsonNode> values = values();
    return Arbitraries.frequencyOf(
        Tuple.of(2, target.map(Remove::new)),
        Tuple.of(4, Combinators.combine(target, values).as(Replace::new)),
        Tuple.of(1, Combinators.combine(target, values).as(Insert::new)),
        Tuple.of(4, Combinators.combine(Arbitraries.of(FIELDS), values).as(SetField::new)));
  }

  /** Values of every JSON type, at and beyond the edges of what a spec allows. */
  private static Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> special = Arbitraries.of(
        NODES.booleanNode(true), NODES.textNode(""), NODES.textNode("1"), NODES.textNode("NaN"),
        NODES.textNode("Infinity"), NODES.textNode("-Infinity"), NODES.textNode("validation"),
        NODES.textNode("two\nlines"), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1),
        NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode(Integer.MIN_VALUE),
        NODES.numberNode(1L << 31), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1.5),
        NODES.numberNode(-0.0), NODES.numberNode(1e-300), NODES.numberNode(Double.MAX_VALUE),
        NODES.numberNode(Double.NaN), NODES.numberNode(Double.POSITIVE_INFINITY),
        NODES.numberNode(BigInteger.TEN.pow(400)), NODES.numberNode(new BigDecimal("1e400")),
        raw("1e999"), raw("-1e999"), raw("NaN"), NODES.objectNode(), NODES.arrayNode(),
        NODES.arrayNode().addNull(), NODES.arrayNode().add(NODES.arrayNode()),
        NODES.objectNode().putNull("type"), NODES.objectNode().put("type", 1),
        NODES.objectNode().set("type", NODES.objectNode()));
    Arbitrary<JsonNode> typed = Combinators.combine(
            Arbitraries.of(TYPE_NAMES),
            Arbitraries.of("learningRate", "lambda", "patience", "stopRatio", "beta1", "extra"),
            Arbitraries.of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(0.5),
                NODES.numberNode(1e308), NODES.textNode("NaN"), NODES.nullNode()),
            Arbitraries.of(true, false))
        .as((name, field, value, withField) -> {
          ObjectNode node = NODES.objectNode().put("type", name);
          return withField ? node.set(field, value) : node;
        });
    Arbitrary<JsonNode> ints = Arbitraries.integers().map(NODES::numberNode);
    Arbitrary<JsonNode> doubles = Arbitraries.doubles().map(NODES::numberNode);
    Arbitrary<JsonNode> texts = Arbitraries.strings().ofMaxLength(8).map(NODES::textNode);
    Arbitrary<JsonNode> sizes = Arbitraries.integers().between(-1, 5).list().ofMaxSize(4)
        .map(list -> {
          ArrayNode array = NODES.arrayNode();
          list.forEach(array::add);
          return array;
        });
    Arbitrary<JsonNode> typedLists = typed.list().ofMaxSize(3).map(list -> {
      ArrayNode array = NODES.arrayNode();
      list.forEach(array::add);
      return array;
    });
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(NODES.nullNode())), Tuple.of(4, special), Tuple.of(4, typed),
        Tuple.of(1, typedLists), Tuple.of(1, ints), Tuple.of(1, doubles), Tuple.of(1, texts),
        Tuple.of(1, sizes));
  }

  private static JsonNode raw(String token) {
    return NODES.rawValueNode(new RawValue(token));
  }

  /** A change to a JSON tree; {@code target} numbers the non-root nodes in document order, modulo their count. */
  sealed interface Mutation permits Remove, Replace, Insert, SetField {
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
}
