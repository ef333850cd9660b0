package org.example.layers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nnj.core.CoreModule;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.DatasetsModule;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.InMemoryDataset;
import dev.nnj.datasets.Shape;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Experiment;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import dev.nnj.testing.LayerContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's layer from outside nnj's packages: bound, trained from JSON, saved and loaded. */
class ScaleShiftTest {

  @TempDir Path directory;

  private final Injector injector = Guice.createInjector(new NnjModule(), new AbstractModule() {
    @Override protected void configure() {
      CoreModule.layerBinder(binder()).addBinding("scale-shift").toInstance(new ScaleShift());
      DatasetsModule.datasetBinder(binder()).addBinding("xor").toInstance(
          new InMemoryDataset("XOR of two signs",
              new Splits(points(400, 1), points(100, 2), points(200, 3))));
    }
  });
  private final Registry registry = injector.getInstance(Registry.class);

  @Test
  void keepsTheLayerContract() {
    LayerContract.check("scale-shift", new ScaleShift(), Shape.flat(4));
    LayerContract.check("scale-shift", new ScaleShift(), new Shape(2, 2, 3));
  }

  @Test
  void trainsFromJson_savesAndLoadsToTheSamePredictions() throws Exception {
    Path file = directory.resolve("spec.json");
    Files.writeString(file, """
        {"layers": [{"type": "scale-shift"},
                    {"type": "dense", "units": 8, "activation": "tanh"},
                    {"type": "dense", "units": 2, "activation": "sigmoid"}],
         "optimizer": {"type": "sgd", "learningRate": 2.0},
         "dataset": "xor", "epochs": 60, "seed": 5}""");
    ExperimentSpec spec = ExperimentSpec.read(file, registry);
    assertThat(spec.layers().get(0)).isEqualTo(new ScaleShift());

    Experiment.Result result = injector.getInstance(Experiment.class)
        .run(spec, DataLocation.of(directory), TrainingListener.NONE);
    // XOR is not linearly separable: above 90 % needs the layers to learn through the scale.
    assertThat(result.test().accuracy()).isGreaterThan(0.9);
    double[] gamma = result.network().layers().get(0).parameters()[0];
    assertThat(gamma).as("the scale was trained").isNotEqualTo(new double[] {1.0, 1.0});

    Path saved = directory.resolve("net.json");
    NetworkFile.write(saved, result.network(), spec.cost(), null, registry.jsonMapper());
    assertThat(Files.readString(saved)).contains("\"scale-shift\"");
    Network loaded = NetworkFile.read(saved, registry.jsonMapper()).network();
    assertThat(loaded.parameterSnapshot()).isDeepEqualTo(result.network().parameterSnapshot());
    Examples test = points(200, 3);
    for (int i = 0; i < test.size(); i++) {
      double[] x = {test.feature(i, 0), test.feature(i, 1)};
      assertThat(loaded.feedforward(x)).containsExactly(result.network().feedforward(x));
    }
  }

  /** Points in [−1, 1]², labelled 1 when x and y have the same sign. */
  private static Examples points(int n, long seed) {
    Random random = new Random(seed);
    float[] x = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      float a = random.nextFloat() * 2 - 1;
      float b = random.nextFloat() * 2 - 1;
      x[2 * i] = a;
      x[2 * i + 1] = b;
      labels[i] = a * b > 0 ? 1 : 0;
    }
    return new Examples(x, 2, labels, 2);
  }
}
