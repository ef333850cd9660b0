package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetsModuleTest {
  private static final Key<Map<String, Dataset>> DATASETS = Key.get(new TypeLiteral<>() {});

  /** A user's dataset, bound under {@code name}. */
  private static AbstractModule userModule(String name, Dataset dataset) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        DatasetsModule.datasetBinder(binder()).addBinding(name).toInstance(dataset);
      }
    };
  }

  @Test
  void injector_bindsMnistFashionMnistExpandedMnistAndCsv() {
    Map<String, Dataset> datasets = Guice.createInjector(new DatasetsModule()).getInstance(DATASETS);
    assertThat(datasets).containsOnlyKeys("mnist", "fashion-mnist", "mnist-expanded", "csv");
    assertThat(datasets.get("csv")).isInstanceOf(CsvDataset.class);
    assertThat(datasets.get("mnist")).isInstanceOf(Mnist.class);
    assertThat(datasets.get("fashion-mnist")).isInstanceOf(FashionMnist.class);
  }

  @Test
  void datasetBinder_userModule_addsName() {
    Dataset mine = new Mnist();
    Map<String, Dataset> datasets = Guice.createInjector(new DatasetsModule(), userModule("my-digits", mine))
        .getInstance(DATASETS);
    assertThat(datasets).containsOnlyKeys("mnist", "fashion-mnist", "mnist-expanded", "csv", "my-digits");
    assertThat(datasets.get("my-digits")).isSameAs(mine);
  }

  @Test
  void datasetBinder_duplicateName_failsAtInjectorCreation() {
    assertThatThrownBy(() -> Guice.createInjector(new DatasetsModule(), userModule("mnist", new Mnist())))
        .isInstanceOf(CreationException.class)
        .hasMessageContaining("mnist");
  }
}
