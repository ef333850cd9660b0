package dev.nnj.datasets;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in datasets under their names: {@code "mnist"}, {@code "fashion-mnist"},
 * {@code "mnist-expanded"} (chapter 6) and {@code "csv"} (the user's own files). Binds loaders, never data.
 */
public final class DatasetsModule extends AbstractModule {
  /** The map users add to: {@code datasetBinder(binder()).addBinding("my-digits").toInstance(…)}. */
  public static MapBinder<String, Dataset> datasetBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Dataset.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, Dataset> datasets = datasetBinder(binder());
    datasets.addBinding("mnist").toInstance(new Mnist());
    datasets.addBinding("fashion-mnist").toInstance(new FashionMnist());
    datasets.addBinding("csv").toInstance(new CsvDataset());
    datasets.addBinding("mnist-expanded").toInstance(new MnistExpanded());
  }
}
