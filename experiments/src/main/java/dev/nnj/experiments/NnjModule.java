package dev.nnj.experiments;

import com.google.inject.AbstractModule;
import dev.nnj.activations.ActivationsModule;
import dev.nnj.core.CoreModule;
import dev.nnj.costs.CostsModule;
import dev.nnj.datasets.DatasetsModule;
import dev.nnj.optimizers.OptimizersModule;

/**
 * Installs every built-in family: activations, costs, optimizers, datasets, and core's
 * initialisations, regularisations and schedules. Combine it with
 * your own modules to add implementations under new names.
 */
public final class NnjModule extends AbstractModule {

  @Override
  protected void configure() {
    install(new ActivationsModule());
    install(new CostsModule());
    install(new OptimizersModule());
    install(new DatasetsModule());
    install(new CoreModule());
  }
}
