package dev.nnj.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import dev.nnj.activations.Relu;
import dev.nnj.activations.Sigmoid;
import dev.nnj.activations.Softmax;
import dev.nnj.core.BuiltLayer;
import dev.nnj.core.Dense;
import dev.nnj.core.Dropout;
import dev.nnj.core.Flatten;
import dev.nnj.core.Layer;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.NetworkFileException;
import dev.nnj.core.NetworkSpec;
import dev.nnj.costs.LogLikelihood;
import dev.nnj.datasets.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved networks of any stack of layers: format 2, read back to the same function. */
class LayeredNetworkFileTest {

  @TempDir Path directory;

  private final ObjectMapper mapper =
      Guice.createInjector(new NnjModule()).getInstance(Registry.class).jsonMapper();
  private final NetworkSpec layered = new NetworkSpec(new Shape(1, 2, 3), List.of(
      new Flatten(), new Dense(5, new Relu()), new Dropout(0.5), new Dense(3, new Softmax())));

  @Test
  void stackOfLayers_isWrittenInFormatTwoAndReadsBackToTheSameFunction() throws Exception {
    Network network = Network.initialised(layered, 4);
    Path file = directory.resolve("net.json");
    NetworkFile.write(file, network, new LogLikelihood(), null, mapper);
    assertThat(mapper.readTree(file.toFile()).get("format").asInt()).isEqualTo(2);

    NetworkFile.Saved saved = NetworkFile.read(file, mapper);
    assertThat(saved.network().spec()).isEqualTo(layered);
    assertThat(saved.cost()).isEqualTo(new LogLikelihood());
    assertThat(saved.network().parameterSnapshot()).isDeepEqualTo(network.parameterSnapshot());
    double[] x = {0.1, -0.4, 0.9, 0.0, 2.5, -1.0};
    assertThat(saved.network().feedforward(x)).containsExactly(network.feedforward(x));
  }

  @Test
  void denseStackOnAFlatInput_staysInFormatOne() throws Exception {
    Network network = Network.initialised(NetworkSpec.of(List.of(4, 3, 2), new Sigmoid()), 1);
    Path file = directory.resolve("net.json");
    NetworkFile.write(file, network, null, null, mapper);
    assertThat(mapper.readTree(file.toFile()).get("format").asInt()).isEqualTo(1);
  }

  @Test
  void unknownLayerKind_isRefusedNamingItAndTheKnownOnes() throws Exception {
    Path file = written(root -> ((ObjectNode) root.get("layers").get(0).get("layer"))
        .put("type", "lstm"));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageContaining("layers[0].layer")
        .hasMessageContaining("unknown layer 'lstm'; known: conv, dense, dropout, flatten, max-pool")
        .hasMessageNotContaining("\n");
  }

  @Test
  void missingParameterBlock_isRefusedNamingTheLayer() throws Exception {
    Path file = written(root -> ((com.fasterxml.jackson.databind.node.ArrayNode)
        root.get("layers").get(1).get("parameters")).remove(0));
    assertThatThrownBy(() -> NetworkFile.read(file, mapper))
        .isInstanceOf(NetworkFileException.class)
        .hasMessageContaining("layers[1].parameters: expected 7 entries");
  }

  /** A layer that takes flat inputs only, as a user's might. */
  record FlatOnly() implements Layer {
    @Override public Shape outputShape(Shape input) {
      if (!input.isFlat()) {
        throw new IllegalArgumentException("flat-only takes a flat input");
      }
      return input;
    }

    @Override public BuiltLayer build(Shape input) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void layerThatCannotTakeItsInputShape_isRefusedNamingTheLayerAndTheShape() {
    assertThatThrownBy(() -> new NetworkSpec(new Shape(1, 28, 28),
        List.of(new Dropout(0.1), new FlatOnly())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("layer 2 (FlatOnly[]) cannot take an input of shape 1×28×28: "
            + "flat-only takes a flat input");
    assertThat(new NetworkSpec(new Shape(1, 28, 28), List.of(new Flatten(), new FlatOnly()))
        .outputShapes()).containsExactly(Shape.flat(784), Shape.flat(784));
  }

  private Path written(java.util.function.Consumer<com.fasterxml.jackson.databind.JsonNode> change)
      throws Exception {
    Path file = directory.resolve("net.json");
    NetworkFile.write(file, Network.initialised(layered, 4), null, null, mapper);
    com.fasterxml.jackson.databind.JsonNode root = mapper.readTree(file.toFile());
    change.accept(root);
    Files.writeString(file, mapper.writeValueAsString(root));
    return file;
  }
}
