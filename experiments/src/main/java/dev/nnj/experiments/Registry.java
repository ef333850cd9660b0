package dev.nnj.experiments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.ContextAttributes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.nnj.activations.Activation;
import dev.nnj.core.Initialization;
import dev.nnj.core.Layer;
import dev.nnj.core.Regularization;
import dev.nnj.core.Schedule;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.Dataset;
import dev.nnj.datasets.InMemoryDataset;
import dev.nnj.optimizers.Optimizer;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every bound implementation by name, as Guice's map binders collected them from the built-in
 * modules and the user's own. Looking up an unknown name fails with a message listing the known
 * ones, and {@link #jsonMapper()} reads and writes every part under its name.
 */
public final class Registry {

  private final Map<String, Activation> activations;
  private final Map<String, Cost> costs;
  private final Map<String, Optimizer> optimizers;
  private final Map<String, Dataset> datasets;
  private final Map<String, Initialization> initializations;
  private final Map<String, Regularization> regularizations;
  private final Map<String, Schedule> schedules;
  private final Map<String, Layer> layers;
  private final JsonMapper plain;
  private final NamedPartReader<Dataset> datasetReader;

  /** Receives the maps from the injector. */
  @Inject
  public Registry(
      Map<String, Activation> activations,
      Map<String, Cost> costs,
      Map<String, Optimizer> optimizers,
      Map<String, Dataset> datasets,
      Map<String, Initialization> initializations,
      Map<String, Regularization> regularizations,
      Map<String, Schedule> schedules,
      Map<String, Layer> layers) {
    this.activations = Map.copyOf(activations);
    this.costs = Map.copyOf(costs);
    this.optimizers = Map.copyOf(optimizers);
    this.datasets = Map.copyOf(datasets);
    this.initializations = Map.copyOf(initializations);
    this.regularizations = Map.copyOf(regularizations);
    this.schedules = Map.copyOf(schedules);
    this.layers = Map.copyOf(layers);
    this.plain = plainMapper(List.of(this.activations, this.costs, this.optimizers,
        this.initializations, this.regularizations, this.schedules, this.layers));
    this.datasetReader = new NamedPartReader<>("dataset", Dataset.class, this.datasets, plain);
  }

  /** The activation bound under {@code name}. */
  public Activation activation(String name) {
    return find("activation", activations, name);
  }

  /** The cost bound under {@code name}. */
  public Cost cost(String name) {
    return find("cost", costs, name);
  }

  /** The optimizer bound under {@code name}, with its default hyperparameters. */
  public Optimizer optimizer(String name) {
    return find("optimizer", optimizers, name);
  }

  /** The layer kind bound under {@code name}, with its default hyperparameters. */
  public Layer layer(String name) {
    return find("layer", layers, name);
  }

  /** The dataset to load for {@code dataset}: its configured value, or the one bound by name. */
  public Dataset dataset(NamedDataset dataset) {
    return dataset.resolve(this);
  }

  /** The dataset bound under {@code name}. */
  public Dataset dataset(String name) {
    return find("dataset", datasets, name);
  }

  /**
   * One bound part of a family that JSON names.
   *
   * @param family the family's interface, e.g. {@code Activation.class}
   * @param name the name it is bound under, its JSON {@code "type"}
   * @param instance the bound instance, whose values are the part's defaults in JSON
   */
  public record Part(Class<?> family, String name, Object instance) {}

  /**
   * Every bound part of the families that JSON names (activations, costs, optimizers,
   * initialisations, regularisations, schedules, layers), family by family, sorted by name: for listing
   * them, and for tests that check each one.
   */
  public List<Part> parts() {
    List<Part> parts = new ArrayList<>();
    addParts(parts, Activation.class, activations);
    addParts(parts, Cost.class, costs);
    addParts(parts, Optimizer.class, optimizers);
    addParts(parts, Initialization.class, initializations);
    addParts(parts, Regularization.class, regularizations);
    addParts(parts, Schedule.class, schedules);
    addParts(parts, Layer.class, layers);
    return List.copyOf(parts);
  }

  private static void addParts(List<Part> parts, Class<?> family, Map<String, ?> bound) {
    new TreeMap<>(bound).forEach((name, part) -> parts.add(new Part(family, name, part)));
  }

  /** The names of the bound datasets, sorted. */
  public List<String> datasetNames() {
    return List.copyOf(new TreeSet<>(datasets.keySet()));
  }

  /**
   * A JSON mapper that knows every bound part by its registry name — the names are the
   * {@code "type"} ids, one source of truth — and refuses unknown fields, a key given twice and a
   * fraction where a whole number belongs. A user's own binding
   * works in JSON with no extra code.
   *
   * <p>A part in JSON names only what it changes: every field it leaves out takes the value of the
   * instance bound under its name, so {@code {"type": "adam", "learningRate": 0.01}} is Adam with
   * its usual β₁, β₂ and ε, and {@code {"type": "leaky-relu"}} has slope 0.01. A wrong type name,
   * field or value is refused in one line naming the part, the field and what it takes.
   */
  public ObjectMapper jsonMapper() {
    SimpleModule defaults = new SimpleModule("nnj-defaults");
    addReader(defaults, "activation", Activation.class, activations, plain);
    addReader(defaults, "cost", Cost.class, costs, plain);
    addReader(defaults, "optimizer", Optimizer.class, optimizers, plain);
    addReader(defaults, "initialization", Initialization.class, initializations, plain);
    addReader(defaults, "regularization", Regularization.class, regularizations, plain);
    addReader(defaults, "schedule", Schedule.class, schedules, plain);
    addReader(defaults, "layer", Layer.class, layers, plain);
    ObjectMapper mapper = plain.copy();
    mapper.registerModule(defaults);
    // NamedDataset's reader and writer find the registry here; a plain mapper has none.
    mapper.setDefaultAttributes(ContextAttributes.getEmpty().withSharedAttribute(Registry.class, this));
    return mapper;
  }

  /**
   * Knows every name but reads parts whole, without defaults; writes a part's fields. The
   * in-memory dataset's examples are data, not parameters: it is written by name only.
   */
  private static JsonMapper plainMapper(List<Map<String, ?>> families) {
    JsonMapper plain = JsonMapper.builder()
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // "epochs": 2.9 would run 2 epochs, a layer of 10.5 units would have 10: refused.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        // A key given twice would silently take its last value: refused.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    for (Map<String, ?> family : families) {
      family.forEach((name, part) -> plain.registerSubtypes(new NamedType(part.getClass(), name)));
    }
    plain.addMixIn(InMemoryDataset.class, DataNotParameters.class);
    return plain;
  }

  @JsonIgnoreProperties({"description", "splits"})
  private interface DataNotParameters {}

  ObjectMapper plainMapper() {
    return plain;
  }

  /**
   * Reads a dataset named in JSON: {@code "name"}, or {@code {"type": "name", …}} with the
   * parameters it changes.
   *
   * @throws IllegalArgumentException naming the dataset and the problem, one line
   */
  NamedDataset readDataset(JsonNode given) {
    if (given != null && given.isTextual()) {
      dataset(given.asText()); // refuses a name nothing bound
      return NamedDataset.of(given.asText());
    }
    Dataset configured = datasetReader.read(given);
    String name = given.get("type").asText();
    return given.size() == 1 ? NamedDataset.of(name) : new NamedDataset(name, configured);
  }

  private static <T> void addReader(SimpleModule module, String family, Class<T> type,
      Map<String, T> bound, ObjectMapper plain) {
    module.addDeserializer(type, new NamedPartReader<>(family, type, bound, plain));
  }

  private static <T> T find(String family, Map<String, T> bound, String name) {
    T found = bound.get(name);
    if (found == null) {
      throw new UnknownPartException(family, name, bound.keySet());
    }
    return found;
  }

}
