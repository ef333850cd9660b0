package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nnj.activations.Activation;
import dev.nnj.activations.LeakyRelu;
import dev.nnj.core.HalveOnPlateau;
import dev.nnj.core.L2;
import dev.nnj.core.Schedule;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.DatasetsModule;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.InMemoryDataset;
import dev.nnj.datasets.Splits;
import dev.nnj.optimizers.Adam;
import dev.nnj.optimizers.Optimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A part in JSON names only what it changes; the rest comes from the instance bound by name. */
class PartDefaultsTest {

  private static final Injector INJECTOR = Guice.createInjector(new NnjModule());
  private final ObjectMapper mapper = INJECTOR.getInstance(Registry.class).jsonMapper();

  @TempDir Path directory;

  /** Every bound part of every family, pulled from Guice: the user's own would be here too. */
  static Stream<Arguments> everyBoundPart() {
    return INJECTOR.getInstance(Registry.class).parts().stream()
        .map(part -> Arguments.of(part.family(), part.name(), part.instance()));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyBoundPart")
  void typeAlone_isTheBoundInstance(Class<?> family, String name, Object bound) throws Exception {
    assertThat(mapper.readValue("{\"type\": \"" + name + "\"}", family)).isEqualTo(bound);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("everyBoundPart")
  void unknownField_isRefusedNamingThePartAndTheField(Class<?> family, String name, Object bound) {
    String familyName = family.getSimpleName().toLowerCase();
    assertThatThrownBy(() -> mapper.readValue(
        "{\"type\": \"" + name + "\", \"learningRat\": 1}", family))
        .isInstanceOf(JsonMappingException.class)
        .extracting(e -> ((JsonMappingException) e).getOriginalMessage())
        .asString()
        .startsWith(familyName + " '" + name + "': unknown field \"learningRat\"; ")
        .matches(".*; (it takes no fields|known: .+)");
  }

  @Test
  void adamWithOnlyALearningRate_keepsItsUsualMoments() throws Exception {
    assertThat(mapper.readValue("{\"type\": \"adam\", \"learningRate\": 0.01}", Optimizer.class))
        .isEqualTo(new Adam(0.01, 0.9, 0.999, 1e-8));
  }

  @Test
  void leakyReluWithoutASlope_hasTheUsualOne() throws Exception {
    assertThat(mapper.readValue("{\"type\": \"leaky-relu\"}", Activation.class))
        .isEqualTo(new LeakyRelu());
  }

  @Test
  void halveOnPlateau_canChangeOneFieldOfTwo() throws Exception {
    assertThat(mapper.readValue("{\"type\": \"halve-on-plateau\", \"patience\": 3}", Schedule.class))
        .isEqualTo(new HalveOnPlateau(3, 128));
  }

  @Test
  void misspeltField_listsTheKnownOnes() {
    assertThatThrownBy(() -> mapper.readValue("{\"type\": \"adam\", \"lr\": 0.01}", Optimizer.class))
        .extracting(e -> ((JsonMappingException) e).getOriginalMessage())
        .isEqualTo("optimizer 'adam': unknown field \"lr\"; "
            + "known: beta1, beta2, epsilon, learningRate");
  }

  @Test
  void valueOfTheWrongKind_namesTheFieldWhatItTakesAndItsDefault() {
    assertThatThrownBy(() -> mapper.readValue(
        "{\"type\": \"sgd\", \"learningRate\": \"fast\"}", Optimizer.class))
        .extracting(e -> ((JsonMappingException) e).getOriginalMessage())
        .isEqualTo("optimizer 'sgd': learningRate cannot be \"fast\"; it takes a number "
            + "(default 3.0)");
  }

  @Test
  void valueOutOfRange_isThePartsOwnMessage() {
    assertThatThrownBy(() -> mapper.readValue("{\"type\": \"adam\", \"beta1\": 1.5}", Optimizer.class))
        .extracting(e -> ((JsonMappingException) e).getOriginalMessage())
        .isEqualTo("optimizer 'adam': beta1 must be in [0, 1): 1.5");
  }

  @Test
  void unknownName_listsTheKnownOnes() {
    assertThatThrownBy(() -> mapper.readValue("{\"type\": \"swish\"}", Activation.class))
        .extracting(e -> ((JsonMappingException) e).getOriginalMessage())
        .isEqualTo("unknown activation 'swish'; known: elu, identity, leaky-relu, relu, sigmoid, "
            + "softmax, softplus, tanh");
  }

  @Test
  void specWithPartialParts_readsWithTheDefaults() throws Exception {
    Path file = directory.resolve("spec.json");
    Files.writeString(file, "{\"sizes\": [784, 100, 10],"
        + " \"activations\": [{\"type\": \"leaky-relu\"}, {\"type\": \"softmax\"}],"
        + " \"cost\": {\"type\": \"log-likelihood\"},"
        + " \"regularization\": {\"type\": \"l2\", \"lambda\": 5.0},"
        + " \"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.01}}");
    ExperimentSpec spec = ExperimentSpec.read(file, mapper);
    assertThat(spec.optimizer()).isEqualTo(new Adam(0.01, 0.9, 0.999, 1e-8));
    assertThat(spec.activations().get(0)).isEqualTo(new LeakyRelu());
    assertThat(spec.regularization()).isEqualTo(new L2(5.0));
  }

  @Test
  void specWithAWrongField_isOneLineNamingTheFileThePartAndTheField() throws Exception {
    Path file = directory.resolve("spec.json");
    Files.writeString(file, "{\"optimizer\": {\"type\": \"momentum\", \"mu\": 0.5}}");
    assertThatThrownBy(() -> ExperimentSpec.read(file, mapper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + " (line 1, column ")
        .hasMessageEndingWith("): optimizer 'momentum': unknown field \"mu\"; "
            + "known: learningRate, momentum");
  }

  @Test
  void specNamingAnUnboundDataset_isRefusedWhenRead() throws Exception {
    Path file = directory.resolve("spec.json");
    Files.writeString(file, "{\"dataset\": \"mnits\"}");
    assertThatThrownBy(() -> ExperimentSpec.read(file, INJECTOR.getInstance(Registry.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " (line 1, column 13): unknown dataset 'mnits'; known: csv, fashion-mnist, mnist, mnist-expanded");
  }

  @Test
  void inMemoryDataset_boundByName_runsFromASpec() throws Exception {
    float[] x = new float[200 * 2];
    int[] labels = new int[200];
    Random random = new Random(2);
    for (int i = 0; i < 200; i++) {
      x[2 * i] = random.nextFloat();
      x[2 * i + 1] = random.nextFloat();
      labels[i] = x[2 * i] > x[2 * i + 1] ? 1 : 0;
    }
    Examples examples = new Examples(x, 2, labels, 2);
    Splits splits = new Splits(
        examples.slice(0, 150), examples.slice(150, 175), examples.slice(175, 200));
    Injector injector = Guice.createInjector(new NnjModule(), new AbstractModule() {
      @Override protected void configure() {
        DatasetsModule.datasetBinder(binder()).addBinding("above-diagonal")
            .toInstance(new InMemoryDataset("x > y, 200 points", splits));
      }
    });
    Path file = directory.resolve("spec.json");
    Files.writeString(file, "{\"sizes\": [2, 4, 2], \"dataset\": \"above-diagonal\","
        + " \"epochs\": 20, \"optimizer\": {\"type\": \"sgd\"}}");
    Registry registry = injector.getInstance(Registry.class);
    ExperimentSpec spec = ExperimentSpec.read(file, registry);
    Experiment.Result result = injector.getInstance(Experiment.class)
        .run(spec, DataLocation.of(directory), TrainingListener.NONE);
    // Linearly separable: a working run is far above the 50 % of chance on the 25 test points.
    assertThat(result.test().total()).isEqualTo(25);
    assertThat(result.test().accuracy()).isGreaterThan(0.8);
  }
}
