package org.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.nnj.activations.Activation;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.TrainingListener;
import dev.nnj.datasets.DataLocation;
import dev.nnj.datasets.DatasetsModule;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.InMemoryDataset;
import dev.nnj.datasets.Splits;
import dev.nnj.experiments.Experiment;
import dev.nnj.experiments.ExperimentSpec;
import dev.nnj.experiments.NnjModule;
import dev.nnj.experiments.Registry;
import dev.nnj.testing.ActivationContract;
import dev.nnj.testing.JsonContract;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a consumer of nnj-experiments does: own part, JSON spec, train, save, load. */
class ConsumerTest {

  @TempDir Path directory;

  private final Injector injector = Guice.createInjector(new NnjModule(), new SwishModule(),
      new AbstractModule() {
        @Override protected void configure() {
          DatasetsModule.datasetBinder(binder()).addBinding("xor")
              .toInstance(new InMemoryDataset("XOR, 600 points", xor()));
        }
      });
  private final Registry registry = injector.getInstance(Registry.class);

  @Test
  void swish_keepsTheContract() {
    ActivationContract.check("swish", new Swish());
    JsonContract.check("swish", new Swish(), Activation.class, registry.jsonMapper());
  }

  @Test
  void specNamingSwish_trainsSavesAndLoadsToTheSamePredictions() throws Exception {
    Path spec = directory.resolve("swish.json");
    Files.writeString(spec, "{\"sizes\": [2, 8, 2],"
        + " \"activations\": [{\"type\": \"swish\"}, {\"type\": \"sigmoid\"}],"
        + " \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 2.0},"
        + " \"dataset\": \"xor\", \"epochs\": 60, \"seed\": 5}");
    Experiment.Result result = injector.getInstance(Experiment.class).run(
        ExperimentSpec.read(spec, registry), DataLocation.of(directory), TrainingListener.NONE);
    // XOR is not linearly separable: above 90 % needs the swish hidden layer to work.
    assertTrue(result.test().accuracy() > 0.9, "test accuracy " + result.test().accuracy());

    Path saved = directory.resolve("net.json");
    NetworkFile.write(saved, result.network(), null, null, registry.jsonMapper());
    Network loaded = NetworkFile.read(saved, registry.jsonMapper()).network();
    Examples test = xor().test();
    for (int i = 0; i < test.size(); i++) {
      double[] x = {test.feature(i, 0), test.feature(i, 1)};
      assertEquals(result.network().predict(x), loaded.predict(x), "example " + i);
    }
  }

  @Test
  void runtimeClasspath_hasNoCommandLineOrTestLibraries() throws Exception {
    String classpath = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
    for (String entry : classpath.split(File.pathSeparator)) {
      assertFalse(entry.matches(".*(picocli|progressbar|jline|xchart|pdfbox|junit|assertj|jqwik).*"),
          entry);
    }
    assertTrue(classpath.contains("nnj-experiments"), classpath);
  }

  /** Points in [−1, 1]², labelled 1 when x and y have the same sign. */
  private static Splits xor() {
    Random random = new Random(3);
    int n = 600;
    float[] x = new float[2 * n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = random.nextFloat() * 2 - 1;
      x[2 * i + 1] = random.nextFloat() * 2 - 1;
      labels[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
    }
    Examples all = new Examples(x, 2, labels, 2);
    return new Splits(all.slice(0, 400), all.slice(400, 500), all.slice(500, 600));
  }
}
