package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nnj.activations.ActivationsModule;
import dev.nnj.activations.Sigmoid;
import dev.nnj.activations.Softmax;
import dev.nnj.core.HalveOnPlateau;
import dev.nnj.core.L2;
import dev.nnj.core.NormalOverFanIn;
import dev.nnj.costs.CrossEntropy;
import dev.nnj.costs.LogLikelihood;
import dev.nnj.datasets.CsvDataset;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.Dataset;
import dev.nnj.datasets.DatasetsModule;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.InMemoryDataset;
import dev.nnj.datasets.Splits;
import dev.nnj.optimizers.Sgd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentSpecTest {

  @TempDir Path directory;

  private final Registry registry = Guice.createInjector(new NnjModule()).getInstance(Registry.class);
  private final ObjectMapper mapper = registry.jsonMapper();

  static Stream<Path> shippedExperiments() throws IOException {
    return Files.list(Path.of("../examples/experiments")).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest
  @MethodSource("shippedExperiments")
  void shippedExperiment_readsAndRoundTrips(Path file) throws IOException {
    ExperimentSpec spec = ExperimentSpec.read(file, mapper);
    assertThat(spec.description()).isNotBlank();
    Path copy = directory.resolve("copy.json");
    mapper.writeValue(copy.toFile(), spec);
    assertThat(ExperimentSpec.read(copy, mapper)).isEqualTo(spec);
  }

  @Test
  void chapterThree_isTheBooksExperiment() {
    ExperimentSpec spec = ExperimentSpec.read(Path.of("../examples/experiments/ch3-cross-entropy-l2.json"), mapper);
    assertThat(spec.sizes()).containsExactly(784, 100, 10);
    assertThat(spec.activations()).containsExactly(new Sigmoid(), new Sigmoid());
    assertThat(spec.cost()).isEqualTo(new CrossEntropy());
    assertThat(spec.regularization()).isEqualTo(new L2(5.0));
    assertThat(spec.initialization()).isEqualTo(new NormalOverFanIn());
    assertThat(spec.optimizer()).isEqualTo(new Sgd(0.5));
    assertThat(spec.evaluateOn()).isEqualTo("validation");
  }

  @Test
  void chapterSix_hasASoftmaxOutput() {
    ExperimentSpec spec = ExperimentSpec.read(Path.of("../examples/experiments/ch6-softmax.json"), mapper);
    assertThat(spec.activations()).containsExactly(new Sigmoid(), new Softmax());
    assertThat(spec.cost()).isEqualTo(new LogLikelihood());
  }

  @Test
  void missingFields_takeChapterOnesValues() throws IOException {
    ExperimentSpec spec = read("{\"epochs\": 2}");
    assertThat(spec).isEqualTo(ExperimentSpec.chapterOne().with(2, null, null, null));
    assertThat(spec.sizes()).containsExactly(784, 30, 10);
  }

  @Test
  void precision_isDoubleUnlessTheSpecAsksForFloat() throws IOException {
    assertThat(read("{}").precision()).isEqualTo(dev.nnj.core.Precision.DOUBLE);
    ExperimentSpec floats = read("{\"precision\": \"float\", \"sizes\": [784, 30, 10]}");
    assertThat(floats.precision()).isEqualTo(dev.nnj.core.Precision.FLOAT);
    assertThat(floats.network().precision()).isEqualTo(dev.nnj.core.Precision.FLOAT);
    assertThat(floats.network(new dev.nnj.datasets.Shape(1, 28, 28)).precision())
        .isEqualTo(dev.nnj.core.Precision.FLOAT);
    assertThat(mapper.readTree(floats.toJson(registry)).get("precision").asText())
        .isEqualTo("float");
    assertThatThrownBy(() -> read("{\"precision\": \"half\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("precision must be \"double\" or \"float\": \"half\"");
    ExperimentSpec conv = read("{\"precision\": \"float\", \"layers\": [{\"type\": \"conv\", "
        + "\"filters\": 4, \"kernel\": 5, \"activation\": \"relu\"}, {\"type\": \"flatten\"}, "
        + "{\"type\": \"dense\", \"units\": 10, \"activation\": \"sigmoid\"}]}");
    assertThatThrownBy(() -> conv.network(new dev.nnj.datasets.Shape(1, 28, 28)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keeps its parameters in double only");
  }

  @Test
  void unknownField_isRefusedNamingIt() throws IOException {
    assertThatThrownBy(() -> read("{\"epochz\": 2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("unknown field \"epochz\"; known: activations, batchSize, cost,");
  }

  @Test
  void fractionForAWholeNumber_isRefusedInOneLine() throws IOException {
    assertThatThrownBy(() -> read("{\"epochs\": 2.9}")).hasMessageEndingWith(
        "spec.json (line 1, column 12): epochs cannot be 2.9; it takes a whole number");
    assertThatThrownBy(() -> read("{\"sizes\": [784, 10.5]}")).hasMessageEndingWith(
        "spec.json (line 1, column 17): sizes cannot be 10.5; it takes a whole number");
    assertThatThrownBy(() -> read(
        "{\"layers\": [{\"type\": \"dense\", \"units\": 10.5}]}")).hasMessageEndingWith(
        "spec.json (line 1, column 44): layer 'dense': units cannot be 10.5; it takes a whole number"
            + " (default 30)");
  }

  @Test
  void keyGivenTwice_isRefusedNamingIt() throws IOException {
    assertThatThrownBy(() -> read("{\"epochs\": 2, \"epochs\": 3}")).hasMessageEndingWith(
        "spec.json (line 1, column 23): \"epochs\" is given twice; give each key once");
    assertThatThrownBy(() -> read(
        "{\"cost\": {\"type\": \"quadratic\", \"type\": \"cross-entropy\"}}"))
        .hasMessageEndingWith(
            "spec.json (line 1, column 38): \"type\" is given twice; give each key once");
  }

  @Test
  void unknownTypeName_isRefusedListingTheKnownOnes() throws IOException {
    assertThatThrownBy(() -> read("{\"cost\": {\"type\": \"hinge\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hinge'")
        .hasMessageContaining("cross-entropy")
        .hasMessageContaining("log-likelihood")
        .message().doesNotContain("\n");
  }

  @Test
  void outOfRangeValue_isRefusedWithTheConstructorsMessage() throws IOException {
    assertThatThrownBy(() -> read("{\"regularization\": {\"type\": \"l2\", \"lambda\": -1}}"))
        .hasMessageContaining("lambda must be >= 0 and finite: -1.0");
    assertThatThrownBy(() -> read("{\"epochs\": 0}")).hasMessageContaining("epochs must be >= 1: 0");
  }

  @Test
  void costPairedWithAnotherOutputActivation_isRefusedWhenRead() {
    assertThatThrownBy(() -> read("{\"cost\": {\"type\": \"log-likelihood\"}}"))
        .hasMessageContaining("assumes a Softmax output layer, but the output layer is sigmoid")
        .message().doesNotContain("\n");
  }

  @Test
  void overrides_replaceOnlyWhatTheyName() {
    ExperimentSpec spec = ExperimentSpec.read(Path.of("../examples/experiments/ch6-softmax.json"), mapper)
        .with(3, null, 0.25, 7L).withSizes(List.of(784, 50, 50, 10));
    assertThat(spec.epochs()).isEqualTo(3);
    assertThat(spec.batchSize()).isEqualTo(10);
    assertThat(spec.optimizer().learningRate()).isEqualTo(0.25);
    assertThat(spec.seed()).isEqualTo(7L);
    assertThat(spec.activations()).containsExactly(new Sigmoid(), new Sigmoid(), new Softmax());
    assertThat(spec.schedule()).isEqualTo(ExperimentSpec.chapterOne().schedule());
  }

  @Test
  void schedule_isReadByName() throws IOException {
    assertThat(read("{\"schedule\": {\"type\": \"halve-on-plateau\", \"patience\": 5, \"stopRatio\": 64}}")
        .schedule()).isEqualTo(new HalveOnPlateau(5, 64));
  }

  /** A user's own activation and dataset, bound in their own module, run from a JSON spec. */
  @Test
  void userBindings_workFromAJsonSpec() throws IOException {
    Injector injector = Guice.createInjector(new NnjModule(), new AbstractModule() {
      @Override protected void configure() {
        ActivationsModule.activationBinder(binder()).addBinding("softsign")
            .to(CustomActivationTest.Softsign.class);
        DatasetsModule.datasetBinder(binder()).addBinding("xor").toInstance(new Xor());
      }
    });
    Path file = directory.resolve("spec.json");
    Files.writeString(file, "{\"sizes\": [2, 8, 2],"
        + " \"activations\": [{\"type\": \"softsign\"}, {\"type\": \"sigmoid\"}],"
        + " \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 2.0},"
        + " \"dataset\": \"xor\", \"epochs\": 60, \"seed\": 5}");
    ExperimentSpec spec = ExperimentSpec.read(file, injector.getInstance(Registry.class).jsonMapper());
    assertThat(spec.activations().get(0)).isInstanceOf(CustomActivationTest.Softsign.class);

    Experiment.Result result = injector.getInstance(Experiment.class)
        .run(spec, DataLocation.of(directory), dev.nnj.core.TrainingListener.NONE);
    // XOR is not linearly separable: above 90 % needs the softsign hidden layer to work.
    assertThat(result.test().accuracy()).isGreaterThan(0.9);
  }

  @Test
  void dataset_byBareName_isTheBoundOneAndWritesBackAsTheName() throws IOException {
    ExperimentSpec spec = read("{\"dataset\": \"fashion-mnist\"}");
    assertThat(spec.dataset()).isEqualTo(NamedDataset.of("fashion-mnist"));
    assertThat(registry.dataset(spec.dataset())).isSameAs(registry.dataset("fashion-mnist"));
    assertThat(mapper.readTree(spec.toJson(registry)).get("dataset").asText())
        .isEqualTo("fashion-mnist");
  }

  @Test
  void dataset_asAnObjectWithOnlyItsType_isTheBareName() throws IOException {
    assertThat(read("{\"dataset\": {\"type\": \"csv\"}}").dataset())
        .isEqualTo(NamedDataset.of("csv"));
  }

  /** CSV data in a directory the spec names, read from there whatever the location says. */
  @Test
  void datasetParameters_areReadFromJsonAndUsedByTheRun() throws IOException {
    Path data = Files.createDirectory(directory.resolve("xor-csv"));
    writeCsv(data.resolve("train.csv"), ExperimentSpecTest.Xor.points(400, 1));
    writeCsv(data.resolve("test.csv"), ExperimentSpecTest.Xor.points(200, 3));
    ExperimentSpec spec = read("{\"sizes\": [2, 8, 2], \"epochs\": 60, \"seed\": 5,"
        + " \"activations\": [{\"type\": \"tanh\"}, {\"type\": \"sigmoid\"}],"
        + " \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 2.0},"
        + " \"dataset\": {\"type\": \"csv\", \"dir\": \"" + data + "\"}}");
    assertThat(spec.dataset()).isEqualTo(new NamedDataset("csv", new CsvDataset(data.toString())));

    Path elsewhere = Files.createDirectory(directory.resolve("empty"));
    Experiment.Result result = Guice.createInjector(new NnjModule()).getInstance(Experiment.class)
        .run(spec, DataLocation.of(elsewhere), dev.nnj.core.TrainingListener.NONE);
    assertThat(result.test().total()).isEqualTo(200);
    assertThat(result.test().accuracy()).isGreaterThan(0.9);
  }

  @Test
  void datasetParameters_roundTripThroughJson() throws IOException {
    ExperimentSpec spec = ExperimentSpec.chapterOne()
        .withDataset(new NamedDataset("csv", new CsvDataset("data/iris")));
    String json = spec.toJson(registry);
    assertThat(mapper.readTree(json).get("dataset").toString())
        .isEqualTo("{\"type\":\"csv\",\"dir\":\"data/iris\"}");
    assertThat(read(json)).isEqualTo(spec);
  }

  @Test
  void unknownDatasetName_isRefusedWhenRead_inBothForms() {
    assertThatThrownBy(() -> read("{\"dataset\": \"minst\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minst").hasMessageContaining("mnist, ");
    assertThatThrownBy(() -> read("{\"dataset\": {\"type\": \"minst\", \"dir\": \"x\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minst").hasMessageContaining("mnist, ");
  }

  @Test
  void wrongDatasetField_isRefusedNamingTheDatasetAndTheField() {
    assertThatThrownBy(() -> read("{\"dataset\": {\"type\": \"csv\", \"folder\": \"x\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dataset 'csv': unknown field \"folder\"; known: dir");
    assertThatThrownBy(() -> read("{\"dataset\": {\"type\": \"mnist\", \"dir\": \"x\"}}"))
        .hasMessageContaining("dataset 'mnist': unknown field \"dir\"; it takes no fields");
    assertThatThrownBy(() -> read("{\"dataset\": {\"type\": \"csv\", \"dir\": \" \"}}"))
        .hasMessageContaining("dataset 'csv': dir must not be blank");
  }

  /** A dataset held in memory is named, never written out with its examples. */
  @Test
  void inMemoryDataset_isWrittenByName_andAnUnboundOneIsRefused() throws IOException {
    InMemoryDataset xor = new InMemoryDataset("XOR", new Splits(Xor.points(40, 1),
        Xor.points(10, 2), Xor.points(20, 3)));
    Registry withXor = Guice.createInjector(new NnjModule(), new AbstractModule() {
      @Override protected void configure() {
        DatasetsModule.datasetBinder(binder()).addBinding("xor").toInstance(xor);
      }
    }).getInstance(Registry.class);
    ExperimentSpec spec = ExperimentSpec.chapterOne()
        .withDataset(new NamedDataset("xor", xor));
    assertThat(withXor.jsonMapper().readTree(spec.toJson(withXor)).get("dataset").asText())
        .isEqualTo("xor");

    ExperimentSpec unbound = ExperimentSpec.chapterOne()
        .withDataset(new NamedDataset("mnist", xor));
    assertThatThrownBy(() -> unbound.toJson(withXor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot write dataset 'mnist'");
  }

  /** A plain Jackson mapper would write class names nnj cannot read: it is refused both ways. */
  @Test
  void plainMapper_isRefused() throws IOException {
    ObjectMapper plain = new ObjectMapper();
    assertThatThrownBy(() -> plain.writeValueAsString(ExperimentSpec.chapterOne()))
        .hasMessageContaining("use Registry.jsonMapper()");
    Path file = directory.resolve("plain.json");
    Files.writeString(file, "{\"dataset\": \"mnist\"}");
    assertThatThrownBy(() -> ExperimentSpec.read(file, plain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use Registry.jsonMapper()");
  }

  private static void writeCsv(Path file, Examples examples) throws IOException {
    StringBuilder csv = new StringBuilder("label,x,y\n");
    for (int i = 0; i < examples.size(); i++) {
      csv.append(examples.label(i)).append(',').append(examples.feature(i, 0)).append(',')
          .append(examples.feature(i, 1)).append('\n');
    }
    Files.writeString(file, csv);
  }

  /** network3's setup: its own initialisation per layer, the softmax layer starting at zero. */
  @Test
  void layer_mayNameItsOwnInitialization() throws IOException {
    ExperimentSpec spec = read("""
        {"layers": [{"type": "conv", "filters": 2, "kernel": 3, "activation": "relu",
                     "initialization": {"type": "normal-over-fan-out", "poolArea": 4}},
                    {"type": "max-pool"},
                    {"type": "dense", "units": 10, "activation": "softmax",
                     "initialization": "zeros"}],
         "cost": "log-likelihood", "initialization": "normal-over-fan-out"}""");
    assertThat(spec.layers().get(0)).isEqualTo(new dev.nnj.core.Conv(2, 3,
        new dev.nnj.activations.Relu(), new dev.nnj.core.NormalOverFanOut(4)));
    dev.nnj.core.Network network = dev.nnj.core.Network.initialised(
        spec.network(new dev.nnj.datasets.Shape(1, 6, 6)), spec.initialization(), 1);
    double[][] softmax = network.layers().get(2).parameters();
    for (double[] block : softmax) {
      assertThat(block).containsOnly(0.0);
    }
    assertThat(network.layers().get(0).parameters()[0]).doesNotContain(0.0);
    assertThat(read(spec.toJson(registry))).isEqualTo(spec);
  }

  private ExperimentSpec read(String json) throws IOException {
    Path file = directory.resolve("spec.json");
    Files.writeString(file, json);
    return ExperimentSpec.read(file, mapper);
  }

  /** Points in [−1, 1]², labelled 1 when x and y have the same sign; no files. */
  static final class Xor implements Dataset {
    @Override public Splits load(DataLocation location) {
      return new Splits(points(400, 1), points(100, 2), points(200, 3));
    }

    @Override public String description() {
      return "XOR of two signs";
    }

    /** {@code n} points drawn with {@code seed}. */
    static Examples points(int n, long seed) {
      Random random = new Random(seed);
      float[] x = new float[2 * n];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        x[2 * i] = random.nextFloat() * 2 - 1;
        x[2 * i + 1] = random.nextFloat() * 2 - 1;
        labels[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
      }
      return new Examples(x, 2, labels, 2);
    }
  }
}
