/**
 * Labelled data for training: the {@link dev.nnj.datasets.Dataset} interface, the
 * {@link dev.nnj.datasets.Examples} it produces, the {@link dev.nnj.datasets.IdxReader} for the
 * IDX file format, the built-in {@link dev.nnj.datasets.Mnist} and
 * {@link dev.nnj.datasets.FashionMnist} loaders with their fetcher, and
 * {@link dev.nnj.datasets.CsvDataset} for the user's own CSV files.
 *
 * <p>A dataset is a loader, never loaded data: {@code Dataset.load(DataLocation)} reads (and if
 * needed fetches) the files and returns {@link dev.nnj.datasets.Splits}; {@code files} says where
 * they are without reading them and {@code verify} checks them without fetching. Nothing in this package
 * prints; fetch progress goes to a {@link dev.nnj.datasets.FetchListener}.
 *
 * <p>To add a dataset, implement {@code Dataset} and bind it under a lower-case kebab-case name in
 * your own Guice module:
 * <pre>{@code
 * DatasetsModule.datasetBinder(binder()).addBinding("my-digits").toInstance(new MyDigits());
 * }</pre>
 * A name that is already bound (such as {@code "mnist"}) fails at injector creation.
 */
package dev.nnj.datasets;
