package dev.nnj.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.nnj.activations.Activation;
import dev.nnj.costs.Cost;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A trained network saved as JSON. A stack of dense layers on a flat input — every network of
 * the book's chapters 1–3 — is written in format 1, which every nnj reads:
 *
 * <pre>{@code
 * {"format": 1,
 *  "sizes": [784, 30, 10],
 *  "activations": [{"type": "sigmoid"}, {"type": "sigmoid"}],
 *  "cost": {"type": "quadratic"},            // or null
 *  "weights": [[[w_jk, …], …], …],          // per layer: n_l rows of n_{l−1} values, the book's w^l
 *  "biases": [[b_j, …], …],                  // per layer: n_l values
 *  "training": {…}}                          // how it was trained, free-form, or null
 * }</pre>
 *
 * Any other stack of layers is written in format 2: each layer under its registry name with its
 * hyperparameters, and its parameter blocks in the layer's own order ({@link
 * BuiltLayer#parameters()}; a dense layer's are one block per input {@code k} holding
 * {@code w_jk} for every {@code j}, then the biases):
 *
 * <pre>{@code
 * {"format": 2,
 *  "input": [1, 28, 28],                      // channels, height, width of one example
 *  "layers": [{"layer": {"type": "dense", "units": 100, "activation": {"type": "relu"}},
 *              "parameters": [[…], …]},
 *             {"layer": {"type": "dropout", "rate": 0.5}, "parameters": []}, …],
 *  "cost": …, "training": …}
 * }</pre>
 *
 * A network in single precision ({@link Precision#FLOAT}) is written in format 2 with
 * {@code "precision": "float"} beside {@code "input"}, its values widened to double, which is
 * exact; a file without the field is in double.
 *
 * <p>Layers, activations and costs are written under their registry names by the caller's
 * {@link ObjectMapper}, which must know them as named subtypes (never class names). Doubles are
 * written in their shortest exact decimal form, so a network read back computes exactly the same
 * outputs. The reader takes formats 1 and 2 and refuses any other; {@code network-format-1.json}
 * in the tests keeps format 1 readable.
 */
public final class NetworkFile {

  /** The format of a stack of dense layers on a flat input. */
  public static final int FORMAT = 1;

  /** The format of any other stack of layers. */
  public static final int LAYERS_FORMAT = 2;

  private static final Set<String> FIELDS =
      Set.of("format", "sizes", "activations", "cost", "weights", "biases", "training");

  private static final Set<String> LAYERS_FIELDS =
      Set.of("format", "input", "layers", "precision", "cost", "training");

  /**
   * What a network file holds.
   *
   * @param network the network, with its saved weights and biases
   * @param cost the cost it was trained with, or null if the file does not say
   * @param training how it was trained, as written, or null
   */
  public record Saved(Network network, Cost cost, JsonNode training) {
    /** Requires the network. */
    public Saved {
      Objects.requireNonNull(network, "network");
    }
  }

  private NetworkFile() {}

  /**
   * Writes {@code network} to {@code file} atomically (see {@link AtomicFile}): if anything fails,
   * an existing {@code file} is left as it was.
   *
   * @param cost the cost it was trained with, or null
   * @param training any JSON object describing the training run, or null
   * @throws NetworkFileException if a parameter is NaN or infinite, or the file cannot be written
   */
  public static void write(Path file, Network network, Cost cost, JsonNode training, ObjectMapper mapper) {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(mapper, "mapper");
    if (training != null && !training.isObject() && !training.isNull()) {
      throw new IllegalArgumentException("training must be a JSON object or null: " + training);
    }
    checkFinite(file, network);
    for (DenseLayer layer : network.denseLayers()) {
      checkNamed(file, "activation", Activation.class, layer.activation(), mapper);
    }
    if (!isDenseStack(network)) {
      for (Layer layer : network.spec().layers()) {
        checkNamed(file, "layer", Layer.class, layer, mapper);
      }
    }
    if (cost != null) {
      checkNamed(file, "cost", Cost.class, cost, mapper);
    }
    try {
      AtomicFile.write(file, out -> {
        try (JsonGenerator json = mapper.writer().createGenerator(out)) {
          writeJson(json, network, cost, training, mapper);
        }
      });
    } catch (IOException | RuntimeException e) {
      throw new NetworkFileException(file, "cannot write: " + describe(e), e);
    }
  }

  /**
   * Refuses a part that {@code mapper} would write under a name it cannot read back: a plain
   * Jackson mapper writes the class's simple name ({@code {"type": "Tanh"}}), which no reader
   * resolves. Only a mapper that knows the registry names (nnj-experiments'
   * {@code Registry.jsonMapper()}) writes files that load again.
   */
  private static <T> void checkNamed(Path file, String family, Class<T> type, T part,
      ObjectMapper mapper) {
    JsonNode written;
    try {
      written = mapper.readTree(mapper.writerFor(type).writeValueAsString(part));
    } catch (IOException | RuntimeException e) {
      return; // the write itself fails on it, and says why
    }
    try {
      Object back = mapper.readerFor(type).readValue(written);
      if (back.getClass() == part.getClass()) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      // refused below
    }
    throw new NetworkFileException(file, "cannot write: the mapper knows the " + family + " "
        + part.getClass().getSimpleName() + " by no name it can read back (it writes " + written
        + "); write with the registry's mapper (Registry.jsonMapper() in nnj-experiments), which "
        + "names every bound part");
  }

  /**
   * Reads a network written by {@link #write}.
   *
   * @throws NetworkFileException with a one-line message naming the file and the problem
   */
  public static Saved read(Path file, ObjectMapper mapper) {
    JsonNode root;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      root = mapper.readTree(in);
    } catch (IOException e) {
      throw new NetworkFileException(file, "cannot read: " + describe(e), e);
    }
    return new Reader(file, mapper).read(root);
  }

  /** Whether format 1 holds {@code network}: dense layers only, on a flat input. */
  static boolean isDenseStack(Network network) {
    return network.spec().input().isFlat()
        && network.layers().stream().allMatch(DenseLayer.class::isInstance);
  }

  private static void writeJson(JsonGenerator json, Network network, Cost cost, JsonNode training,
      ObjectMapper mapper) throws IOException {
    if (!isDenseStack(network)) {
      writeLayers(json, network, cost, training, mapper);
      return;
    }
    ObjectWriter activationWriter = mapper.writerFor(Activation.class);
    json.writeStartObject();
    json.writeNumberField("format", FORMAT);
    json.writeArrayFieldStart("sizes");
    for (int size : network.sizes()) {
      json.writeNumber(size);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("activations");
    for (DenseLayer layer : network.denseLayers()) {
      activationWriter.writeValue(json, layer.activation());
    }
    json.writeEndArray();
    json.writeFieldName("cost");
    mapper.writerFor(Cost.class).writeValue(json, cost);
    json.writeArrayFieldStart("weights");
    for (DenseLayer layer : network.denseLayers()) {
      json.writeStartArray();
      for (int j = 0; j < layer.outputs(); j++) {
        json.writeStartArray();
        for (int k = 0; k < layer.inputs(); k++) {
          json.writeNumber(layer.weight(j, k));
        }
        json.writeEndArray();
      }
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("biases");
    for (DenseLayer layer : network.denseLayers()) {
      json.writeStartArray();
      for (int j = 0; j < layer.outputs(); j++) {
        json.writeNumber(layer.bias(j));
      }
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeFieldName("training");
    mapper.writeTree(json, training == null ? mapper.nullNode() : training);
    json.writeEndObject();
  }

  private static void writeLayers(JsonGenerator json, Network network, Cost cost,
      JsonNode training, ObjectMapper mapper) throws IOException {
    ObjectWriter layerWriter = mapper.writerFor(Layer.class);
    json.writeStartObject();
    json.writeNumberField("format", LAYERS_FORMAT);
    dev.nnj.datasets.Shape input = network.spec().input();
    json.writeFieldName("input");
    json.writeArray(new int[] {input.channels(), input.height(), input.width()}, 0, 3);
    if (network.precision() != Precision.DOUBLE) {
      json.writeStringField("precision", network.precision().jsonName());
    }
    json.writeArrayFieldStart("layers");
    for (BuiltLayer layer : network.layers()) {
      json.writeStartObject();
      json.writeFieldName("layer");
      layerWriter.writeValue(json, layer.layer());
      json.writeArrayFieldStart("parameters");
      Blocks blocks = Blocks.parametersOf(layer);
      int[] lengths = blocks.lengths();
      for (int b = 0; b < lengths.length; b++) {
        json.writeStartArray();
        for (int i = 0; i < lengths[b]; i++) {
          json.writeNumber(blocks.get(b, i));
        }
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeFieldName("cost");
    mapper.writerFor(Cost.class).writeValue(json, cost);
    json.writeFieldName("training");
    mapper.writeTree(json, training == null ? mapper.nullNode() : training);
    json.writeEndObject();
  }

  private static void checkFinite(Path file, Network network) {
    if (isDenseStack(network)) {
      checkFiniteDense(file, network); // in the book's indexing
      return;
    }
    for (int l = 0; l < network.layers().size(); l++) {
      Blocks blocks = Blocks.parametersOf(network.layers().get(l));
      int[] lengths = blocks.lengths();
      for (int b = 0; b < lengths.length; b++) {
        for (int i = 0; i < lengths[b]; i++) {
          if (!Double.isFinite(blocks.get(b, i))) {
            throw new NetworkFileException(file, "cannot save a non-finite parameter: layer "
                + (l + 1) + " (" + network.layers().get(l).layer() + ") block " + b + " entry "
                + i + " = " + blocks.get(b, i));
          }
        }
      }
    }
  }

  private static void checkFiniteDense(Path file, Network network) {
    for (int l = 0; l < network.denseLayers().size(); l++) {
      DenseLayer layer = network.denseLayers().get(l);
      for (int j = 0; j < layer.outputs(); j++) {
        if (!Double.isFinite(layer.bias(j))) {
          throw new NetworkFileException(file, "cannot save a non-finite parameter: layer " + (l + 2)
              + " bias b_" + j + " = " + layer.bias(j));
        }
        for (int k = 0; k < layer.inputs(); k++) {
          if (!Double.isFinite(layer.weight(j, k))) {
            throw new NetworkFileException(file, "cannot save a non-finite parameter: layer " + (l + 2)
                + " weight w_" + j + "," + k + " = " + layer.weight(j, k));
          }
        }
      }
    }
  }

  /** One line for an I/O or Jackson failure: the problem without Jackson's source excerpt. */
  static String describe(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof JsonProcessingException json) {
      String where = json.getLocation() == null || json.getLocation().getLineNr() < 1 ? ""
          : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
      return json.getOriginalMessage() + where;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** Checks a parsed file field by field; every refusal names the field and what was expected. */
  private record Reader(Path file, ObjectMapper mapper) {

    Saved read(JsonNode root) {
      if (root == null || root.isMissingNode()) {
        throw refuse("the file is empty");
      }
      if (!root.isObject()) {
        throw refuse("expected a JSON object, found " + typeOf(root));
      }
      JsonNode format = root.get("format");
      if (format == null || format.isNull()) {
        throw refuse("no \"format\" version; this nnj reads formats " + FORMAT + " and " + LAYERS_FORMAT);
      }
      if (!format.isIntegralNumber()) {
        throw refuse("\"format\" must be an integer, found " + format);
      }
      if (!format.canConvertToInt()
          || (format.asInt() != FORMAT && format.asInt() != LAYERS_FORMAT)) {
        throw refuse("was written in format " + format + "; this nnj reads formats " + FORMAT
            + " and " + LAYERS_FORMAT);
      }
      if (format.asInt() == LAYERS_FORMAT) {
        return readLayers(root);
      }
      checkFields(root, FIELDS, FORMAT);
      List<Integer> sizes = sizes(required(root, "sizes"));
      int layers = sizes.size() - 1;
      List<Activation> activations = activations(required(root, "activations"), sizes);
      JsonNode weights = array(required(root, "weights"), "weights", layers, "one per layer after the input");
      JsonNode biases = array(required(root, "biases"), "biases", layers, "one per layer after the input");
      for (int l = 0; l < layers; l++) {
        checkWeightShape(weights.get(l), l, sizes.get(l + 1), sizes.get(l));
        array(biases.get(l), "biases[" + l + "] (layer " + (l + 2) + ")", sizes.get(l + 1), "one per neuron");
      }
      Network network = Network.zeros(new NetworkSpec(sizes, activations));
      for (int l = 0; l < layers; l++) {
        DenseLayer layer = network.denseLayers().get(l);
        for (int j = 0; j < layer.outputs(); j++) {
          layer.setBias(j, number(biases.get(l).get(j), "biases[" + l + "][" + j + "]"));
          for (int k = 0; k < layer.inputs(); k++) {
            layer.setWeight(j, k, number(weights.get(l).get(j).get(k), "weights[" + l + "][" + j + "][" + k + "]"));
          }
        }
      }
      return saved(root, network);
    }

    /** The network with the file's cost and training description, both optional. */
    private Saved saved(JsonNode root, Network network) {
      JsonNode costNode = root.get("cost");
      Cost cost = costNode == null || costNode.isNull() ? null : convert(costNode, Cost.class, "cost");
      JsonNode training = root.get("training");
      if (training != null && !training.isNull() && !training.isObject()) {
        throw refuse("\"training\" must be a JSON object or null, found " + typeOf(training));
      }
      return new Saved(network, cost, training == null || training.isNull() ? null : training);
    }

    /** Refuses a field the format does not have, naming the ones it has. */
    private void checkFields(JsonNode root, Set<String> known, int format) {
      List<String> unknown = new ArrayList<>();
      root.fieldNames().forEachRemaining(name -> {
        if (!known.contains(name)) {
          unknown.add(name);
        }
      });
      if (!unknown.isEmpty()) {
        throw refuse("unknown field(s) " + unknown + " in format " + format + "; known: "
            + new java.util.TreeSet<>(known));
      }
    }

    private Saved readLayers(JsonNode root) {
      checkFields(root, LAYERS_FIELDS, LAYERS_FORMAT);
      JsonNode dims = array(required(root, "input"), "input", 3, "channels, height, width");
      for (JsonNode dim : dims) {
        if (!dim.isIntegralNumber() || !dim.canConvertToInt() || dim.asInt() < 1) {
          throw refuse("\"input\" must be three positive integers, channels, height, width: " + dims);
        }
      }
      dev.nnj.datasets.Shape input;
      try {
        input = new dev.nnj.datasets.Shape(dims.get(0).asInt(), dims.get(1).asInt(),
            dims.get(2).asInt());
      } catch (IllegalArgumentException e) {
        throw refuse("\"input\": " + e.getMessage());
      }
      JsonNode entries = arrayOf(required(root, "layers"), "layers");
      List<Layer> layers = new ArrayList<>();
      for (int l = 0; l < entries.size(); l++) {
        JsonNode entry = entries.get(l);
        if (!entry.isObject()) {
          throw refuse("layers[" + l + "]: expected {\"layer\": …, \"parameters\": […]}, found "
              + typeOf(entry));
        }
        layers.add(convert(required(entry, "layer"), Layer.class, "layers[" + l + "].layer"));
      }
      NetworkSpec spec;
      try {
        spec = new NetworkSpec(input, layers, precision(root));
      } catch (IllegalArgumentException e) {
        throw refuse(e.getMessage());
      }
      Network network = Network.zeros(spec);
      for (int l = 0; l < layers.size(); l++) {
        String name = "layers[" + l + "].parameters";
        Blocks blocks = Blocks.parametersOf(network.layers().get(l));
        int[] lengths = blocks.lengths();
        JsonNode saved = array(required(entries.get(l), "parameters"), name, lengths.length,
            "the blocks of " + layers.get(l));
        for (int b = 0; b < lengths.length; b++) {
          JsonNode block = array(saved.get(b), name + "[" + b + "]", lengths[b],
              "the block's values");
          for (int i = 0; i < lengths[b]; i++) {
            blocks.set(b, i, number(block.get(i), name + "[" + b + "][" + i + "]"));
          }
        }
      }
      return saved(root, network);
    }

    /** The file's {@code "precision"}: double when left out. */
    private Precision precision(JsonNode root) {
      JsonNode node = root.get("precision");
      if (node == null) {
        return Precision.DOUBLE;
      }
      if (!node.isTextual()) {
        throw refuse("\"precision\" must be \"double\" or \"float\", found " + typeOf(node));
      }
      try {
        return Precision.named(node.asText());
      } catch (IllegalArgumentException e) {
        throw refuse(e.getMessage());
      }
    }

    private List<Integer> sizes(JsonNode node) {
      if (arrayOf(node, "sizes").size() < 2) {
        throw refuse("\"sizes\" must list at least two layer sizes, input first: " + node);
      }
      List<Integer> sizes = new ArrayList<>();
      for (JsonNode size : node) {
        if (!size.isIntegralNumber() || !size.canConvertToInt() || size.asInt() < 1) {
          throw refuse("\"sizes\" must be positive integers: " + node);
        }
        sizes.add(size.asInt());
      }
      return sizes;
    }

    private List<Activation> activations(JsonNode node, List<Integer> sizes) {
      array(node, "activations", sizes.size() - 1, "one per layer after the input");
      List<Activation> activations = new ArrayList<>();
      for (int l = 0; l < node.size(); l++) {
        activations.add(convert(node.get(l), Activation.class, "activations[" + l + "]"));
      }
      return activations;
    }

    private void checkWeightShape(JsonNode layer, int l, int rows, int columns) {
      String name = "weights[" + l + "] (layer " + (l + 2) + ")";
      String expected = "expected " + rows + " × " + columns + " (n_" + (l + 2) + " rows of n_"
          + (l + 1) + " values)";
      if (arrayOf(layer, name).size() != rows) {
        throw refuse(name + ": " + expected + ", found " + layer.size() + " rows");
      }
      for (int j = 0; j < rows; j++) {
        if (arrayOf(layer.get(j), name + " row " + j).size() != columns) {
          throw refuse(name + ": " + expected + ", found row " + j + " with " + layer.get(j).size() + " values");
        }
      }
    }

    private JsonNode array(JsonNode node, String name, int length, String why) {
      if (arrayOf(node, name).size() != length) {
        throw refuse(name + ": expected " + length + " entries (" + why + "), found " + node.size());
      }
      return node;
    }

    private JsonNode arrayOf(JsonNode node, String name) {
      if (!node.isArray()) {
        throw refuse(name + ": expected an array, found " + typeOf(node));
      }
      return node;
    }

    private double number(JsonNode node, String name) {
      if (!node.isNumber()) {
        throw refuse(name + " must be a finite number, found " + node);
      }
      double value = node.doubleValue();
      if (!Double.isFinite(value)) {
        throw refuse(name + " must be a finite number, found " + node.asText() + " (" + value + ")");
      }
      return value;
    }

    private <T> T convert(JsonNode node, Class<T> type, String name) {
      try {
        T value = mapper.treeToValue(node, type);
        if (value == null) {
          throw refuse(name + ": expected an object such as {\"type\": \"…\"}, found null");
        }
        return value;
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new NetworkFileException(file, name + ": " + describe(e), e);
      }
    }

    private JsonNode required(JsonNode root, String name) {
      JsonNode node = root.get(name);
      if (node == null || node.isNull()) {
        throw refuse("missing \"" + name + "\"");
      }
      return node;
    }

    private static String typeOf(JsonNode node) {
      return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private NetworkFileException refuse(String problem) {
      return new NetworkFileException(file, problem);
    }
  }
}
