package dev.nnj.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nnj.activations.Activation;
import dev.nnj.core.Conv;
import dev.nnj.core.Dense;
import dev.nnj.core.MaxPool;
import dev.nnj.core.Dropout;
import dev.nnj.core.Initialization;
import dev.nnj.core.Layer;
import dev.nnj.core.Schedule;
import dev.nnj.costs.Cost;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Dataset;
import dev.nnj.datasets.Shape;
import dev.nnj.optimizers.Optimizer;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The published checks over every built-in part, pulled from Guice as a user's would be. */
class BuiltInPartsContractTest {

  private static final Injector INJECTOR = Guice.createInjector(new NnjModule());
  private static final ObjectMapper MAPPER = INJECTOR.getInstance(Registry.class).jsonMapper();

  static Stream<Arguments> activations() {
    return partsOf(Activation.class);
  }

  /** The bound parts of one family, as (name, part). */
  private static Stream<Arguments> partsOf(Class<?> family) {
    return INJECTOR.getInstance(Registry.class).parts().stream()
        .filter(part -> part.family() == family)
        .map(part -> Arguments.of(part.name(), part.instance()));
  }

  static Stream<Arguments> namedParts() {
    return INJECTOR.getInstance(Registry.class).parts().stream()
        .map(part -> Arguments.of(part.name(), part.instance(), part.family()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activation_keepsTheContract(String name, Activation activation) {
    ActivationContract.check(name, activation);
  }

  static Stream<Arguments> costs() {
    return partsOf(Cost.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("costs")
  void cost_keepsTheContract(String name, Cost cost) {
    CostContract.check(name, cost);
  }

  static Stream<Arguments> optimizers() {
    return partsOf(Optimizer.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void optimizer_keepsTheContract(String name, Optimizer optimizer) {
    OptimizerContract.check(name, optimizer);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedParts")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void part_roundTripsThroughJsonUnderItsName(String name, Object part, Class family) {
    JsonContract.check(name, part, family, MAPPER);
  }

  static Stream<Arguments> initializations() {
    return partsOf(Initialization.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("initializations")
  void initialization_keepsTheContract(String name, Initialization initialization) {
    InitializationContract.check(name, initialization);
  }

  static Stream<Arguments> schedules() {
    return partsOf(Schedule.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schedules")
  void schedule_keepsTheContract(String name, Schedule schedule) {
    ScheduleContract.check(name, schedule);
  }

  /** The CSV loader on generated files, with and without a validation file. */
  @ParameterizedTest(name = "validation.csv: {0}")
  @ValueSource(booleans = {false, true})
  void csvDataset_keepsTheContract(boolean withValidation, @TempDir Path directory)
      throws IOException {
    String rows = "label,a,b\n0,0.5,1\n1,-2,3e-1\n2,0,0\n";
    Files.writeString(directory.resolve("train.csv"), rows);
    Files.writeString(directory.resolve("test.csv"), "1,1,1\n");
    if (withValidation) {
      Files.writeString(directory.resolve("validation.csv"), "0,2,2\n");
    }
    Dataset csv = INJECTOR.getInstance(Registry.class).dataset("csv");
    DatasetContract.check("csv", csv, DataLocation.of(directory));
  }

  /** Every bound layer with its defaults, on each of a flat input and an image it takes. */
  static Stream<Arguments> layers() {
    return partsOf(Layer.class).flatMap(part -> Stream.of(Shape.flat(6), new Shape(2, 6, 6))
        .filter(shape -> takes((Layer) part.get()[1], shape))
        .map(shape -> Arguments.of(part.get()[0], part.get()[1], shape)));
  }

  private static boolean takes(Layer layer, Shape shape) {
    try {
      layer.outputShape(shape);
      return true;
    } catch (IllegalArgumentException refused) {
      return false;
    }
  }

  /** Convolutions and pools of several sizes, channels and activations. */
  static Stream<Arguments> imageLayers() {
    return Stream.of(
        Arguments.of("conv 3×3 relu", new Conv(4, 3, new dev.nnj.activations.Relu()), new Shape(2, 5, 4)),
        Arguments.of("conv 1×1", new Conv(3, 1, new dev.nnj.activations.Tanh()), new Shape(3, 2, 2)),
        // Output rows of eight: the input gradient is added straight from the product's tiles.
        Arguments.of("conv with rows of eight", new Conv(3, 3, new dev.nnj.activations.Tanh()), new Shape(2, 4, 10)),
        Arguments.of("conv on one channel", new Conv(2, 2, new dev.nnj.activations.Sigmoid()), new Shape(1, 4, 4)),
        // network3's ConvPoolLayer: pooled before σ, the gradient sent back to each maximum.
        Arguments.of("conv with a pool", new Conv(3, 3, new dev.nnj.activations.Tanh(), null, 2), new Shape(2, 6, 8)),
        Arguments.of("max-pool 3", new MaxPool(3), new Shape(2, 6, 3)),
        Arguments.of("max-pool 1", new MaxPool(1), new Shape(1, 2, 2)));
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("imageLayers")
  void imageLayer_keepsTheContract(String name, Layer layer, Shape input) {
    LayerContract.check(name, layer, input);
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("layers")
  void layer_keepsTheContract(String name, Layer layer, Shape input) {
    LayerContract.check(name, layer, input);
  }

  /** The dense layer with each bound activation, the kinks of relu and its kin included. */
  static Stream<Arguments> denseActivations() {
    return partsOf(dev.nnj.activations.Activation.class);
  }

  @ParameterizedTest(name = "dense {0}")
  @MethodSource("denseActivations")
  void dense_keepsTheContractWithEveryActivation(String name,
      dev.nnj.activations.Activation activation) {
    LayerContract.check("dense " + name, new Dense(5, activation), Shape.flat(4));
  }

  @ParameterizedTest(name = "rate {0}")
  @ValueSource(doubles = {0.0, 0.2, 0.9})
  void dropout_keepsTheContractAtEveryRate(double rate) {
    LayerContract.check("dropout " + rate, new Dropout(rate), Shape.flat(7));
  }
}
