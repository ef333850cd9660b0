package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nnj.activations.Activation;
import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Quadratic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NetworkFileTest {

  private static final String GOLDEN = "network-format-1.json";

  @TempDir Path directory;

  /** What examples' Registry builds from Guice, reduced to the two parts these tests use. */
  private static ObjectMapper mapper() {
    ObjectMapper mapper = JsonMapper.builder()
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
    mapper.registerSubtypes(new NamedType(Sigmoid.class, "sigmoid"),
        new NamedType(Quadratic.class, "quadratic"), new NamedType(Exploding.class, "exploding"));
    return mapper;
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  @Test
  void formatOne_goldenFileLoadsForever() throws IOException {
    NetworkFile.Saved saved = NetworkFile.read(golden(), mapper());

    Network network = saved.network();
    assertThat(network.sizes()).containsExactly(3, 4, 2);
    assertThat(network.denseLayers()).extracting(DenseLayer::activation).containsOnly(new Sigmoid());
    assertThat(saved.cost()).isEqualTo(new Quadratic());
    assertThat(saved.training().get("note").asText()).startsWith("Golden file");
    // The book's w_jk: row j, column k of the file.
    assertThat(network.denseLayers().get(0).weight(1, 2)).isEqualTo(1.0);
    assertThat(network.denseLayers().get(0).weight(2, 0)).isEqualTo(1.5);
    assertThat(network.denseLayers().get(1).weight(0, 3)).isEqualTo(2.0);
    assertThat(network.denseLayers().get(1).weight(1, 0)).isEqualTo(-2.0);
    assertThat(network.denseLayers().get(0).bias(1)).isEqualTo(-1.0);
    assertThat(network.denseLayers().get(1).bias(1)).isEqualTo(0.75);

    // x = (0, 1, 0) by hand: z² = w² x + b² = (−1 + 0, 2 − 1, 0 + 0.5, 0.2 + 0.25).
    double[] a2 = {sigmoid(-1.0), sigmoid(1.0), sigmoid(0.5), sigmoid(0.45)};
    double out0 = sigmoid(a2[0] - a2[1] + 0.5 * a2[2] + 2.0 * a2[3] - 0.5);
    double out1 = sigmoid(-2.0 * a2[0] + 1.5 * a2[1] - 0.5 * a2[3] + 0.75);
    // Summation order may differ from the kernels': a few ulps.
    assertThat(network.feedforward(new double[] {0, 1, 0}))
        .containsExactly(new double[] {out0, out1}, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(out1).isGreaterThan(out0);
    assertThat(network.predict(new double[] {0, 1, 0})).isEqualTo(1);
    // x = (1, 0, 2): z² = (0.5 + 0.5, −0.5 + 2 − 1, 1.5 − 4 + 0.5, 0.1 + 0.6 + 0.25): class 0.
    double[] b2 = {sigmoid(1.0), sigmoid(0.5), sigmoid(-2.0), sigmoid(0.95)};
    assertThat(sigmoid(b2[0] - b2[1] + 0.5 * b2[2] + 2.0 * b2[3] - 0.5))
        .isGreaterThan(sigmoid(-2.0 * b2[0] + 1.5 * b2[1] - 0.5 * b2[3] + 0.75));
    assertThat(network.predict(new double[] {1, 0, 2})).isZero();
  }

  @Test
  void write_thenRead_roundTripsExactly() {
    Network network = Network.initialised(NetworkSpec.of(List.of(3, 4, 2), new Sigmoid()), 42);
    // Values whose decimal forms are awkward: they must still come back bit for bit.
    network.denseLayers().get(0).setWeight(0, 0, 0.1 + 0.2);
    network.denseLayers().get(0).setWeight(3, 2, Double.MIN_VALUE);
    network.denseLayers().get(1).setBias(0, -1e-300);
    network.denseLayers().get(1).setWeight(1, 3, Math.PI * 1e15);
    ObjectNode training = mapper().createObjectNode().put("epochs", 3).put("eta", 3.0);
    Path file = directory.resolve("net.json");

    NetworkFile.write(file, network, new Quadratic(), training, mapper());
    NetworkFile.Saved saved = NetworkFile.read(file, mapper());

    assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(network.parameterSnapshot());
    assertThat(saved.network().spec()).isEqualTo(network.spec());
    assertThat(saved.cost()).isEqualTo(new Quadratic());
    assertThat(saved.training()).isEqualTo(training);
    for (double[] x : List.of(new double[] {0, 0, 0}, new double[] {1, 0.5, -2}, new double[] {0.3, 0.7, 0.1})) {
      assertThat(saved.network().feedforward(x)).containsExactly(network.feedforward(x));
    }
    assertThat(directory).isDirectoryContaining(p -> p.equals(file))
        .isDirectoryNotContaining(p -> p.toString().endsWith(".tmp"));
  }

  @Test
  void write_withAMapperThatKnowsNoNames_isRefusedAndWritesNothing() throws IOException {
    Path file = directory.resolve("net.json");
    Network network = Network.initialised(NetworkSpec.of(List.of(2, 1), new Sigmoid()), 1);
    ObjectMapper plain = new ObjectMapper();

    assertThatThrownBy(() -> NetworkFile.write(file, network, new Quadratic(), null, plain))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageContaining("the activation Sigmoid by no name it can read back "
            + "(it writes {\"type\":\"Sigmoid\"})")
        .hasMessageContaining("Registry.jsonMapper()");
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void write_overExistingFile_replacesIt_andNullCostAndTrainingReadAsNull() throws IOException {
    Path file = directory.resolve("net.json");
    Files.writeString(file, "old contents");
    Network network = Network.initialised(NetworkSpec.of(List.of(2, 1), new Sigmoid()), 1);

    NetworkFile.write(file, network, null, null, mapper());
    NetworkFile.Saved saved = NetworkFile.read(file, mapper());

    assertThat(saved.cost()).isNull();
    assertThat(saved.training()).isNull();
    assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(network.parameterSnapshot());
  }

  @Test
  void write_failingMidFile_leavesNoTemporaryFile_andExistingFileUntouched() throws IOException {
    Path file = directory.resolve("net.json");
    Files.writeString(file, "precious");
    Network network = Network.zeros(NetworkSpec.of(List.of(2, 2), new Exploding()));

    assertThatThrownBy(() -> NetworkFile.write(file, network, null, null, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageContaining("net.json: cannot write")
        .hasMessageContaining("boom");

    assertThat(Files.readString(file)).isEqualTo("precious");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void write_nonFiniteParameter_isRefusedBeforeWriting() {
    Path file = directory.resolve("net.json");
    Network network = Network.zeros(NetworkSpec.of(List.of(3, 4, 2), new Sigmoid()));
    network.denseLayers().get(1).setWeight(1, 2, Double.NaN);

    assertThatThrownBy(() -> NetworkFile.write(file, network, null, null, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageContaining("layer 3 weight w_1,2 = NaN");
    assertThat(directory).isEmptyDirectory();
  }

  @Test
  void read_formatThree_isRefusedNamingTheFormatsRead() throws IOException {
    Path file = mutatedGolden(root -> root.put("format", 3));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessage(file + ": was written in format 3; this nnj reads formats 1 and 2");
  }

  @Test
  void read_missingFormat_isRefused() throws IOException {
    Path file = mutatedGolden(root -> root.remove("format"));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .hasMessage(file + ": no \"format\" version; this nnj reads formats 1 and 2");
  }

  static Stream<Arguments> inconsistentShapes() {
    return Stream.<Arguments>of(
        Arguments.of("sizes", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("sizes")).add(5),
            "activations: expected 3 entries (one per layer after the input), found 2"),
        Arguments.of("activations", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("activations")).remove(1),
            "activations: expected 2 entries (one per layer after the input), found 1"),
        Arguments.of("layers of weights", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("weights")).remove(1),
            "weights: expected 2 entries (one per layer after the input), found 1"),
        Arguments.of("weight rows", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("weights").get(0)).remove(3),
            "weights[0] (layer 2): expected 4 × 3 (n_2 rows of n_1 values), found 3 rows"),
        Arguments.of("weight row length", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("weights").get(1).get(1)).add(0.0),
            "weights[1] (layer 3): expected 2 × 4 (n_3 rows of n_2 values), found row 1 with 5 values"),
        Arguments.of("weights not an array", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("weights")).set(0, 7),
            "weights[0] (layer 2): expected an array, found number"),
        Arguments.of("layers of biases", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("biases")).add(root.arrayNode()),
            "biases: expected 2 entries (one per layer after the input), found 3"),
        Arguments.of("bias length", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("biases").get(0)).remove(0),
            "biases[0] (layer 2): expected 4 entries (one per neuron), found 3"),
        Arguments.of("sizes not positive", (Consumer<ObjectNode>) root -> ((ArrayNode) root.get("sizes")).set(1, 0),
            "\"sizes\" must be positive integers: [3,0,2]"),
        Arguments.of("missing biases", (Consumer<ObjectNode>) root -> root.remove("biases"),
            "missing \"biases\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inconsistentShapes")
  void read_inconsistentShapes_areRefusedNamingLayerAndShapes(
      String what, Consumer<ObjectNode> change, String message) throws IOException {
    Path file = mutatedGolden(change);
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessage(file + ": " + message);
  }

  @Test
  void read_nanOrInfinity_isRefused() throws IOException {
    Path nan = mutatedGolden(root -> ((ArrayNode) root.get("weights").get(0).get(2)).set(1, "NaN"));
    assertThatThrownBy(() -> NetworkFile.read(nan, mapper()))
        .hasMessage(nan + ": weights[0][2][1] must be a finite number, found \"NaN\"");

    Path infinite = directory.resolve("infinite.json");
    Files.writeString(infinite, goldenText().replace("[-0.5, 0.75]", "[-0.5, 1e999]"));
    assertThatThrownBy(() -> NetworkFile.read(infinite, mapper()))
        .hasMessageStartingWith(infinite + ": biases[1][1] must be a finite number")
        .hasMessageContaining("Infinity");
  }

  @Test
  void read_unknownActivation_keepsJacksonsListOfKnownNames() throws IOException {
    Path file = mutatedGolden(root -> ((ObjectNode) root.get("activations").get(1)).put("type", "sigmod"));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageStartingWith(file + ": activations[1]: ")
        .hasMessageContaining("'sigmod'")
        .hasMessageContaining("sigmoid")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void read_unknownCost_isRefused() throws IOException {
    Path file = mutatedGolden(root -> ((ObjectNode) root.get("cost")).put("type", "hinge"));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .hasMessageStartingWith(file + ": cost: ")
        .hasMessageContaining("'hinge'")
        .hasMessageContaining("quadratic");
  }

  @Test
  void read_unknownField_isRefused() throws IOException {
    Path file = mutatedGolden(root -> root.put("dropout", 0.5));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .hasMessageStartingWith(file + ": unknown field(s) [dropout]");
  }

  @Test
  void read_malformedJson_isOneLineWithThePosition() throws IOException {
    Path file = directory.resolve("broken.json");
    Files.writeString(file, "{\"format\": 1,\n \"sizes\": [3, 4, 2\n}");
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageStartingWith(file + ": cannot read: ")
        .hasMessageContaining("line 3")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void read_missingFile_isOneLine() {
    Path file = directory.resolve("absent.json");
    assertThatThrownBy(() -> NetworkFile.read(file, mapper()))
        .isInstanceOf(NetworkFileException.class)
        .hasMessage(file + ": cannot read: no such file or directory");
  }

  private Path golden() throws IOException {
    Path file = directory.resolve(GOLDEN);
    Files.writeString(file, goldenText());
    return file;
  }

  private static String goldenText() throws IOException {
    try (InputStream in = NetworkFileTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path mutatedGolden(Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) mapper().readTree(goldenText());
    change.accept(root);
    Path file = directory.resolve("changed.json");
    mapper().writeValue(file.toFile(), root);
    return file;
  }

  /** An activation whose serialisation fails, to break a write half-way through the file. */
  static final class Exploding implements Activation {
    public double getBoom() {
      throw new IllegalStateException("boom");
    }

    @Override
    public void apply(double[] z, double[] a, int rows, int cols) {}

    @Override
    public void derivative(double[] z, double[] a, double[] gradient, int rows, int cols) {}
  }
}
