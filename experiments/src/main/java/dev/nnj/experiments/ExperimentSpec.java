package dev.nnj.experiments;

import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.core.ConstantRate;
import dev.nnj.core.EarlyStopping;
import dev.nnj.core.Initialization;
import dev.nnj.core.Monitoring;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.NoRegularization;
import dev.nnj.core.Regularization;
import dev.nnj.core.Schedule;
import dev.nnj.core.StandardNormal;
import dev.nnj.core.TrainingConfig;
import dev.nnj.costs.Cost;
import dev.nnj.costs.Quadratic;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.optimizers.Sgd;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A whole experiment as one value, the form of the JSON files under {@code examples/experiments/}:
 * the network, how to train it and on what. Every part is named by its registry name
 * ({@code {"type": "cross-entropy"}}), so a user's own bound implementation works here too.
 * Missing fields take chapter 1's values; unknown fields are refused.
 *
 * @param description what the experiment reproduces, free text
 * @param sizes layer sizes, input first
 * @param activations one per weighted layer; a single entry applies to every layer
 * @param cost the cost function
 * @param initialization how weights and biases are drawn
 * @param regularization the weight penalty
 * @param dropout the probability of dropping each hidden neuron in training
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
 */
public record ExperimentSpec(
    String description,
    List<Integer> sizes,
    List<Activation> activations,
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
    Monitoring monitoring) {

  /** Fills in chapter 1's values for missing fields and validates. */
  public ExperimentSpec {
    description = Objects.requireNonNullElse(description, "");
    if (sizes != null && sizes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("sizes must not contain null: " + sizes);
    }
    if (activations != null && activations.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("activations must not contain null: " + activations);
    }
    sizes = List.copyOf(Objects.requireNonNullElse(sizes, List.of(784, 30, 10)));
    activations = List.copyOf(Objects.requireNonNullElse(activations, List.of(new Sigmoid())));
    if (activations.size() == 1 && sizes.size() > 2) {
      activations = Collections.nCopies(sizes.size() - 1, activations.get(0));
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
    // Build both now so that a bad spec is refused when it is read, naming the value.
    new NetworkSpec(sizes, activations, dropout).checkCost(cost);
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
      ExperimentSpec spec = mapper.readValue(file.toFile(), ExperimentSpec.class);
      if (spec == null) {
        throw new IllegalArgumentException(file + ": empty experiment spec");
      }
      return spec;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      Throwable cause = e.getCause();
      String problem = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      if (e instanceof UnrecognizedPropertyException unknown) {
        problem = "unknown field \"" + unknown.getPropertyName() + "\"; known: "
            + String.join(", ", new TreeSet<>(unknown.getKnownPropertyIds().stream().map(String::valueOf).toList()));
      }
      throw new IllegalArgumentException(file + where + ": " + problem.replaceAll("\\s*\\R\\s*", " "), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Chapter 1's run: {@code [784, 30, 10]} sigmoid, quadratic cost, SGD η = 3.0, m = 10, 30 epochs. */
  public static ExperimentSpec chapterOne() {
    return new ExperimentSpec(null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  /** The network's shape. */
  public NetworkSpec network() {
    return new NetworkSpec(sizes, activations, dropout);
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
    List<Activation> kept = activations;
    if (activations.size() != sizes.size() - 1 && sizes.size() >= 2) {
      kept = new java.util.ArrayList<>(Collections.nCopies(sizes.size() - 2, activations.get(0)));
      kept.add(activations.get(activations.size() - 1));
    }
    return new ExperimentSpec(description, sizes, kept, cost, initialization, regularization,
        dropout, optimizer, schedule, earlyStopping, dataset, evaluateOn, epochs, batchSize, seed,
        monitoring);
  }

  /** This spec with the dataset bound under {@code name}. */
  public ExperimentSpec withDataset(String name) {
    return withDataset(NamedDataset.of(name));
  }

  /** This spec with another dataset. */
  public ExperimentSpec withDataset(NamedDataset dataset) {
    return new ExperimentSpec(description, sizes, activations, cost, initialization,
        regularization, dropout, optimizer, schedule, earlyStopping, dataset, evaluateOn, epochs,
        batchSize, seed, monitoring);
  }

  /** This spec with other epochs, mini-batch size, learning rate or seed; null keeps the value. */
  public ExperimentSpec with(Integer epochs, Integer batchSize, Double learningRate, Long seed) {
    return new ExperimentSpec(description, sizes, activations, cost, initialization,
        regularization, dropout,
        learningRate == null ? optimizer : optimizer.withLearningRate(learningRate),
        schedule, earlyStopping, dataset, evaluateOn,
        epochs == null ? this.epochs : epochs, batchSize == null ? this.batchSize : batchSize,
        seed == null ? this.seed : seed, monitoring);
  }
}
