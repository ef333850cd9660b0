package dev.nnj.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A sweep: one experiment and the fields that vary over it, each through a list of values; its
 * runs are the grid of every combination, first field slowest, or a seeded random sample of that
 * grid. Chapter 3's search of η and λ over three seeds is
 *
 * <pre>{@code
 * {
 *   "experiment": {"sizes": [784, 30, 10], "cost": "cross-entropy", "evaluateOn": "validation"},
 *   "vary": {"optimizer.learningRate": [0.1, 0.5, 3.0], "regularization.lambda": [1, 5],
 *            "seed": [1, 2, 3]}
 * }
 * }</pre>
 *
 * <p>A field is named by its path in the experiment's JSON, its parts joined by dots
 * ({@code "epochs"}, {@code "optimizer.learningRate"}, {@code "layers.0.units"}); a value is any
 * JSON value that field takes ({@code "sizes": [[784, 30, 10], [784, 100, 10]]}). The path is
 * taken in the experiment as {@link ExperimentSpec#toJson} writes it, every part spelled out with
 * its defaults, so {@code "optimizer.learningRate"} varies chapter 1's SGD even where the
 * experiment leaves the optimizer out. Each run is an ordinary experiment, checked when the
 * sweep's runs are made: a field that does not exist, a value it cannot take or an empty list is
 * refused then, in one line, before anything runs.
 *
 * <p>In Java: {@code Sweep.of(spec).varying("seed", 1, 2, 3).sampled(4, 1L)}.
 *
 * @param experiment the experiment every run starts from, as JSON
 * @param vary each field's path and its values, in the order the grid takes them
 * @param sample how many runs to draw from the grid, or null for the whole grid
 */
public record Sweep(ObjectNode experiment, Map<String, List<JsonNode>> vary, Sample sample) {

  /** Draws {@code runs} distinct runs of the grid at random, seeded by {@code seed}. */
  public record Sample(int runs, long seed) {
    public Sample {
      if (runs < 1) {
        throw new IllegalArgumentException("sample: runs must be at least 1: " + runs);
      }
    }
  }

  /** One run of the sweep: its place in the grid, the values it takes and its experiment. */
  public record Run(int index, Map<String, JsonNode> values, ExperimentSpec spec) {
    /** The run's name, {@code run-007}: its index in the grid, as its directory is called. */
    public String id() {
      return String.format("run-%03d", index);
    }

    /** {@code optimizer.learningRate=0.5, seed=2}. */
    public String describe() {
      return Sweep.describe(values);
    }
  }

  /** A run's values as {@code optimizer.learningRate=0.5, seed=2}, in the sweep's order. */
  public static String describe(Map<String, JsonNode> values) {
    List<String> parts = new ArrayList<>();
    values.forEach((path, value) -> parts.add(path + "=" + value));
    return String.join(", ", parts);
  }

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private static final Set<String> FIELDS = Set.of("description", "experiment", "vary", "sample");

  public Sweep {
    Objects.requireNonNull(experiment, "experiment");
    Map<String, List<JsonNode>> copy = new LinkedHashMap<>();
    vary.forEach((path, values) -> copy.put(path, List.copyOf(values)));
    vary = java.util.Collections.unmodifiableMap(copy);
  }

  /** A sweep of {@code spec} that varies nothing yet: one run. */
  public static Sweep of(ExperimentSpec spec, Registry registry) {
    return new Sweep((ObjectNode) registry.jsonMapper().valueToTree(spec), Map.of(), null);
  }

  /** This sweep with {@code path} varying through {@code values} (numbers, strings, lists, maps). */
  public Sweep varying(String path, Object... values) {
    Map<String, List<JsonNode>> more = new LinkedHashMap<>(vary);
    more.put(path, Arrays.stream(values).map(value -> (JsonNode) PLAIN.valueToTree(value)).toList());
    return new Sweep(experiment, more, sample);
  }

  /** This sweep with {@code runs} of its grid drawn at random, seeded by {@code seed}. */
  public Sweep sampled(int runs, long seed) {
    return new Sweep(experiment, vary, new Sample(runs, seed));
  }

  /**
   * Reads a sweep from JSON: {@code "experiment"} (an object, or the path of a spec file,
   * relative to the sweep's file), {@code "vary"}, and optionally {@code "sample": {"runs": N,
   * "seed": S}} and {@code "description"}.
   *
   * @throws IllegalArgumentException naming the file and the problem, in one line
   */
  public static Sweep read(Path file) {
    JsonNode tree;
    try {
      tree = PLAIN.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not JSON: "
          + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " "), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(file + ": a sweep is an object {\"experiment\": …, \"vary\": …}");
    }
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(file + ": unknown field \"" + name
            + "\"; known: description, experiment, sample, vary");
      }
    }
    return new Sweep(experimentOf(file, tree.get("experiment")), varyOf(file, tree.get("vary")),
        sampleOf(file, tree.get("sample")));
  }

  private static ObjectNode experimentOf(Path file, JsonNode given) {
    if (given == null) {
      return PLAIN.createObjectNode(); // chapter 1's run
    }
    if (given.isTextual()) {
      Path spec = file.toAbsolutePath().getParent().resolve(given.asText());
      try {
        JsonNode read = PLAIN.readTree(spec.toFile());
        if (read instanceof ObjectNode object) {
          return object;
        }
        throw new IllegalArgumentException(spec + ": an experiment spec is a JSON object");
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": experiment \"" + given.asText()
            + "\": cannot read " + spec + ": " + e.getMessage(), e);
      }
    }
    if (given instanceof ObjectNode object) {
      return object;
    }
    throw new IllegalArgumentException(file + ": \"experiment\" is a spec object or the path of a "
        + "spec file, not " + given);
  }

  private static Map<String, List<JsonNode>> varyOf(Path file, JsonNode given) {
    if (given == null || !given.isObject()) {
      throw new IllegalArgumentException(file + ": \"vary\" must be an object of fields and their "
          + "values, {\"seed\": [1, 2, 3]}" + (given == null ? "; it is missing" : ", not " + given));
    }
    Map<String, List<JsonNode>> vary = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isArray()) {
        throw new IllegalArgumentException(file + ": vary \"" + field.getKey()
            + "\": a list of values, not " + field.getValue());
      }
      List<JsonNode> values = new ArrayList<>();
      field.getValue().forEach(values::add);
      vary.put(field.getKey(), values);
    }
    return vary;
  }

  private static Sample sampleOf(Path file, JsonNode given) {
    if (given == null) {
      return null;
    }
    JsonNode runs = given.get("runs");
    JsonNode seed = given.get("seed");
    if (!given.isObject() || runs == null || !runs.canConvertToInt() || !runs.isIntegralNumber()
        || given.size() > (seed == null ? 1 : 2) || (seed != null && !seed.isIntegralNumber())) {
      throw new IllegalArgumentException(file + ": \"sample\" is {\"runs\": N, \"seed\": S} "
          + "(whole numbers; seed 1 if left out), not " + given);
    }
    try {
      return new Sample(runs.asInt(), seed == null ? 1L : seed.asLong());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** How many runs the whole grid has. */
  public long gridSize() {
    long size = 1;
    for (List<JsonNode> values : vary.values()) {
      size *= values.size();
    }
    return size;
  }

  /**
   * The sweep's runs, in grid order, each with its experiment read and checked.
   *
   * @throws IllegalArgumentException naming the field and the problem: an empty list, a path that
   *     is not in the experiment, a value the field cannot take, a sample larger than the grid
   */
  public List<Run> runs(Registry registry) {
    for (Map.Entry<String, List<JsonNode>> field : vary.entrySet()) {
      if (field.getValue().isEmpty()) {
        throw new IllegalArgumentException("vary \"" + field.getKey() + "\": no values (an empty "
            + "list); give at least one");
      }
    }
    ObjectNode base = spelledOut(registry);
    long grid = gridSize();
    List<Integer> indices = chosen(grid);
    List<String> paths = new ArrayList<>(vary.keySet());
    List<Run> runs = new ArrayList<>();
    for (int index : indices) {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      ObjectNode tree = base.deepCopy();
      int rest = index;
      for (int p = paths.size() - 1; p >= 0; p--) {
        List<JsonNode> choices = vary.get(paths.get(p));
        values.put(paths.get(p), choices.get(rest % choices.size()));
        rest /= choices.size();
      }
      Map<String, JsonNode> ordered = new LinkedHashMap<>();
      for (String path : paths) {
        ordered.put(path, values.get(path));
        set(tree, path, values.get(path));
      }
      String source = "run " + index + " (" + describe(ordered) + ")";
      runs.add(new Run(index, ordered, ExperimentSpec.fromJson(tree, source, registry)));
    }
    return runs;
  }

  /** The experiment with every part written out with its defaults, as the paths name them. */
  private ObjectNode spelledOut(Registry registry) {
    ExperimentSpec spec = ExperimentSpec.fromJson(experiment, "the sweep's experiment", registry);
    return (ObjectNode) registry.jsonMapper().valueToTree(spec);
  }

  /** The grid indices of the runs: all of them, or the sample's, in increasing order. */
  private List<Integer> chosen(long grid) {
    if (grid > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the grid has " + grid + " runs, too many to list");
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < grid; i++) {
      all.add(i);
    }
    if (sample == null) {
      return all;
    }
    if (sample.runs() > grid) {
      throw new IllegalArgumentException("sample: " + sample.runs() + " runs asked of a grid of "
          + grid);
    }
    java.util.Collections.shuffle(all, new Random(sample.seed()));
    List<Integer> drawn = new ArrayList<>(all.subList(0, sample.runs()));
    drawn.sort(null);
    return drawn;
  }

  /** Sets the field at {@code path} in {@code tree}, which must already hold it. */
  private static void set(ObjectNode tree, String path, JsonNode value) {
    String[] parts = path.split("\\.", -1);
    JsonNode node = tree;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      String so = String.join(".", Arrays.asList(parts).subList(0, i));
      boolean last = i == parts.length - 1;
      if (node instanceof ObjectNode object) {
        if (!object.has(part)) {
          throw new IllegalArgumentException("vary \"" + path + "\": the experiment has no field \""
              + part + "\"" + (so.isEmpty() ? "" : " in " + so) + "; it has: "
              + String.join(", ", iterable(object.fieldNames())));
        }
        if (last) {
          object.set(part, value);
        } else {
          node = object.get(part);
        }
      } else if (node instanceof ArrayNode array) {
        int at;
        try {
          at = Integer.parseInt(part);
        } catch (NumberFormatException e) {
          at = -1;
        }
        if (at < 0 || at >= array.size()) {
          throw new IllegalArgumentException("vary \"" + path + "\": " + so + " is a list of "
              + array.size() + "; \"" + part + "\" is not one of its indices 0.." + (array.size() - 1));
        }
        if (last) {
          array.set(at, value);
        } else {
          node = array.get(at);
        }
      } else {
        throw new IllegalArgumentException("vary \"" + path + "\": " + so + " is " + node
            + ", which has no fields");
      }
    }
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    list.sort(null);
    return list;
  }
}
