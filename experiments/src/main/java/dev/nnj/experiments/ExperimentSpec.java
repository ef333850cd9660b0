package dev.nnj.experiments;

import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.core.ConstantRate;
import dev.nnj.core.EarlyStopping;
import dev.nnj.core.Initialization;
import dev.nnj.core.Layer;
import dev.nnj.core.Monitoring;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.Precision;
import dev.nnj.core.NoRegularization;
import dev.nnj.core.Regularization;
import dev.nnj.core.Schedule;
import dev.nnj.core.StandardNormal;
import dev.nnj.core.TrainingConfig;
import dev.nnj.costs.Cost;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.Shape;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.Sgd;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole experiment as one value, the form of the JSON files under {@code examples/experiments/}:
 * the network, how to train it and on what. Every part is named by its registry name
 * ({@code {"type": "cross-entropy"}}), so a user's own bound implementation works here too.
 * Missing fields take chapter 1's values; unknown fields are refused.
 *
 * @param description what the experiment reproduces, free text
 * @param sizes layer sizes, input first: the book's stack of dense layers; empty with {@code layers}
 * @param activations one per weighted layer; a single entry applies to every layer; empty with
 *     {@code layers}
 * @param layers the network as a stack of layers, each by its registry name
 *     ({@code [{"type": "dense", "units": 100, "activation": "relu"}, {"type": "dropout"}, …]}),
 *     taking the data's example shape; empty for the {@code sizes} form
 * @param cost the cost function
 * @param initialization how weights and biases are drawn
 * @param regularization the weight penalty
 * @param dropout with {@code sizes}: the probability of dropping each hidden neuron in training
 *     (a dropout layer after every hidden layer); with {@code layers}, put dropout layers where
 *     they belong instead
 * @param optimizer the update rule with its hyperparameters
 * @param schedule how the learning rate changes per epoch
 * @param earlyStopping when to stop early
 * @param dataset the dataset: its registry name, with its parameters if it changes any
 *     ({@code "mnist"}, {@code {"type": "csv", "dir": "data/iris"}})
 * @param evaluateOn {@code "test"} (chapter 1) or {@code "validation"} (chapter 3 on: the test
 *     set is then used once, at the end, for the best validation epoch's weights)
 * @param epochs passes over the training data
 * @param batchSize the mini-batch size
 * @param seed seeds initialisation, shuffles and dropout
 * @param monitoring which figures to measure after every epoch
 * @param precision how the network keeps its parameters: {@code "double"} (the default, the
 *     book's) or {@code "float"}, faster where the weights' traffic bounds the speed; a float run
 *     is deterministic but not the double run (see {@link Precision})
 */
public record ExperimentSpec(
    String description,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> sizes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Activation> activations,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Layer> layers,
    Cost cost,
    Initialization initialization,
    Regularization regularization,
    Double dropout,
    Optimizer optimizer,
    Schedule schedule,
    EarlyStopping earlyStopping,
    NamedDataset dataset,
    String evaluateOn,
    Integer epochs,
    Integer batchSize,
    Long seed,
    Monitoring monitoring,
    Precision precision) {

  /** Fills in chapter 1's values for missing fields and validates. */
  public ExperimentSpec {
    description = Objects.requireNonNullElse(description, "");
    if (sizes != null && sizes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("sizes must not contain null: " + sizes);
    }
    if (activations != null && activations.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("activations must not contain null: " + activations);
    }
    if (layers != null && layers.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("layers must not contain null: " + layers);
    }
    layers = List.copyOf(Objects.requireNonNullElse(layers, List.of()));
    if (!layers.isEmpty()) {
      if ((sizes != null && !sizes.isEmpty()) || (activations != null && !activations.isEmpty())
          || (dropout != null && dropout != 0.0)) {
        throw new IllegalArgumentException("give the network either as \"layers\" or as "
            + "\"sizes\" with \"activations\" and \"dropout\", not both");
      }
      sizes = List.of();
      activations = List.of();
    } else {
      sizes = List.copyOf(Objects.requireNonNullElse(sizes, List.of(784, 30, 10)));
      activations = List.copyOf(Objects.requireNonNullElse(activations, List.of(new Sigmoid())));
      if (activations.size() == 1 && sizes.size() > 2) {
        activations = Collections.nCopies(sizes.size() - 1, activations.get(0));
      }
    }
    cost = Objects.requireNonNullElse(cost, new Quadratic());
    initialization = Objects.requireNonNullElse(initialization, new StandardNormal());
    regularization = Objects.requireNonNullElse(regularization, new NoRegularization());
    dropout = Objects.requireNonNullElse(dropout, 0.0);
    optimizer = Objects.requireNonNullElse(optimizer, new Sgd(3.0));
    schedule = Objects.requireNonNullElse(schedule, new ConstantRate());
    earlyStopping = Objects.requireNonNullElse(earlyStopping, EarlyStopping.NEVER);
    dataset = Objects.requireNonNullElse(dataset, NamedDataset.of("mnist"));
    evaluateOn = Objects.requireNonNullElse(evaluateOn, "test");
    if (!evaluateOn.equals("test") && !evaluateOn.equals("validation")) {
      throw new IllegalArgumentException(
          "evaluateOn must be \"test\" or \"validation\": \"" + evaluateOn + "\"");
    }
    epochs = Objects.requireNonNullElse(epochs, 30);
    batchSize = Objects.requireNonNullElse(batchSize, 10);
    seed = Objects.requireNonNullElse(seed, 1L);
    monitoring = Objects.requireNonNullElse(monitoring, Monitoring.EVALUATION_ACCURACY);
    precision = Objects.requireNonNullElse(precision, Precision.DOUBLE);
    // Build both now so that a bad spec is refused when it is read, naming the value.
    if (layers.isEmpty()) {
      new NetworkSpec(sizes, activations, dropout).checkCost(cost);
    } else {
      NetworkSpec.checkCost(cost, layers.get(layers.size() - 1));
    }
    new TrainingConfig(epochs, batchSize, seed, regularization, schedule, earlyStopping,
        monitoring);
  }

  /**
   * Reads a spec from a JSON file with {@code registry}'s mapper. A dataset name that nothing
   * bound is refused here, not when the run starts.
   *
   * @throws IllegalArgumentException with a one-line message naming the file and the problem
   */
  public static ExperimentSpec read(Path file, Registry registry) {
    return read(file, registry.jsonMapper());
  }

  /**
   * This spec as JSON, every part under its registry name, the form {@link #read} takes back.
   * There is no other way out: a plain Jackson mapper is refused.
   */
  public String toJson(Registry registry) {
    try {
      return registry.jsonMapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the spec: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a spec from a JSON file with a mapper that knows the registry names
   * ({@link Registry#jsonMapper()}).
   *
   * @throws IllegalArgumentException with a one-line message naming the file, the place and the
   *     problem (an unknown field or type name lists the known ones)
   */
  public static ExperimentSpec read(Path file, ObjectMapper mapper) {
    try {
      return parsed(mapper.readValue(file.toFile(), ExperimentSpec.class), file.toString());
    } catch (JsonProcessingException e) {
      throw refused(e, file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a spec from a JSON tree with {@code registry}'s mapper, as {@link #read} reads a file:
   * for specs made in code, such as each run of a {@link Sweep}.
   *
   * @param source what to name in a message: where the tree came from
   * @throws IllegalArgumentException with a one-line message naming {@code source} and the problem
   */
  public static ExperimentSpec fromJson(JsonNode tree, String source, Registry registry) {
    try {
      return parsed(registry.jsonMapper().treeToValue(tree, ExperimentSpec.class), source);
    } catch (JsonProcessingException e) {
      throw refused(e, source);
    }
  }

  private static ExperimentSpec parsed(ExperimentSpec spec, String source) {
    if (spec == null) {
      throw new IllegalArgumentException(source + ": empty experiment spec");
    }
    return spec;
  }

  /** Jackson's refusal as one line naming {@code source}, the place and the problem. */
  private static IllegalArgumentException refused(JsonProcessingException e, String source) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    Throwable cause = e.getCause();
    String problem = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
    if (e instanceof UnrecognizedPropertyException unknown) {
      problem = "unknown field \"" + unknown.getPropertyName() + "\"; known: "
          + String.join(", ", new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()));
    }
    Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
    if (duplicate.matches()) {
      problem = "\"" + duplicate.group(1) + "\" is given twice; give each key once";
    }
    if (e instanceof InvalidFormatException wrong && isWholeNumber(wrong.getTargetType())) {
      problem = fieldOf(wrong) + " cannot be " + wrong.getValue() + "; it takes a whole number";
    }
    return new IllegalArgumentException(source + where + ": " + problem.replaceAll("\\s*\\R\\s*", " "), e);
  }

  /** Jackson's words for a key given twice, under {@code STRICT_DUPLICATE_DETECTION}. */
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

  private static boolean isWholeNumber(Class<?> type) {
    return type == int.class || type == Integer.class || type == long.class || type == Long.class;
  }

  /** The innermost field name on the path: for {@code "sizes": [784, 10.5]}, "sizes". */
  private static String fieldOf(InvalidFormatException wrong) {
    List<JsonMappingException.Reference> path = wrong.getPath();
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i).getFieldName() != null) {
        return path.get(i).getFieldName();
      }
    }
    return "a value";
  }

  /** Chapter 1's run: {@code [784, 30, 10]} sigmoid, quadratic cost, SGD η = 3.0, m = 10, 30 epochs. */
  public static ExperimentSpec chapterOne() {
    return new ExperimentSpec(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  /**
   * The network of the {@code sizes} form, whose input is the first size.
   *
   * @throws IllegalStateException for the {@code layers} form, which takes the data's shape
   */
  public NetworkSpec network() {
    if (!layers.isEmpty()) {
      throw new IllegalStateException("a spec of layers is built for the data's example shape: "
          + "network(data.shape())");
    }
    return new NetworkSpec(sizes, activations, dropout).withPrecision(precision);
  }

  /**
   * The network for examples of shape {@code input}: the stack of {@code layers} on it, or the
   * dense stack of {@code sizes} (whose first size must then be the input's size).
   *
   * @throws IllegalArgumentException naming the layer and the shape it cannot take
   */
  public NetworkSpec network(Shape input) {
    java.util.Objects.requireNonNull(input, "input");
    if (layers.isEmpty()) {
      return new NetworkSpec(sizes, activations, dropout).withPrecision(precision);
    }
    return new NetworkSpec(input, layers, precision);
  }

  /** The training configuration. */
  public TrainingConfig training() {
    return new TrainingConfig(epochs, batchSize, seed, regularization, schedule, earlyStopping,
        monitoring);
  }

  /**
   * This spec with other layer sizes. The activations are kept if their number still fits;
   * otherwise the hidden layers take the first one and the output layer the last.
   */
  public ExperimentSpec withSizes(List<Integer> sizes) {
    List<Activation> kept = activations.isEmpty() ? List.of(new Sigmoid()) : activations;
    if (kept.size() != sizes.size() - 1 && sizes.size() >= 2) {
      List<Activation> chosen = kept;
      kept = new java.util.ArrayList<>(Collections.nCopies(sizes.size() - 2, chosen.get(0)));
      kept.add(chosen.get(chosen.size() - 1));
    }
    return new ExperimentSpec(description, sizes, kept, null, cost, initialization, regularization,
        dropout, optimizer, schedule, earlyStopping, dataset, evaluateOn, epochs, batchSize, seed,
        monitoring, precision);
  }

  /** This spec with the dataset bound under {@code name}. */
  public ExperimentSpec withDataset(String name) {
    return withDataset(NamedDataset.of(name));
  }

  /** This spec with another dataset. */
  public ExperimentSpec withDataset(NamedDataset dataset) {
    return new ExperimentSpec(description, sizes, activations, layers, cost, initialization,
        regularization, dropout, optimizer, schedule, earlyStopping, dataset, evaluateOn, epochs,
        batchSize, seed, monitoring, precision);
  }

  /** This spec with its network's parameters in {@code precision}. */
  public ExperimentSpec withPrecision(Precision precision) {
    return new ExperimentSpec(description, sizes, activations, layers, cost, initialization,
        regularization, dropout, optimizer, schedule, earlyStopping, dataset, evaluateOn, epochs,
        batchSize, seed, monitoring, precision);
  }

  /** This spec with other epochs, mini-batch size, learning rate or seed; null keeps the value. */
  public ExperimentSpec with(Integer epochs, Integer batchSize, Double learningRate, Long seed) {
    return new ExperimentSpec(description, sizes, activations, layers, cost, initialization,
        regularization, dropout,
        learningRate == null ? optimizer : optimizer.withLearningRate(learningRate),
        schedule, earlyStopping, dataset, evaluateOn,
        epochs == null ? this.epochs : epochs, batchSize == null ? this.batchSize : batchSize,
        seed == null ? this.seed : seed, monitoring, precision);
  }
}
