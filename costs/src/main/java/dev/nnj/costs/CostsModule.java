package dev.nnj.costs;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in costs under their names: {@code "quadratic"} ({@link Quadratic}, any output
 * activation), {@code "cross-entropy"} ({@link CrossEntropy}, sigmoid outputs) and
 * {@code "log-likelihood"} ({@link LogLikelihood}, softmax outputs).
 *
 * <p>The names are part of nnj's file formats and never change. A duplicate name fails when the
 * injector is created. To replace a built-in, leave this module out and bind the names you
 * want yourself (Guice's {@code Modules.override} does not reach map-binder entries).
 */
public final class CostsModule extends AbstractModule {

  /** The map users add to: {@code CostsModule.costBinder(binder()).addBinding("huber").to(Huber.class)}. */
  public static MapBinder<String, Cost> costBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Cost.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, Cost> costs = costBinder(binder());
    costs.addBinding("quadratic").toInstance(new Quadratic());
    costs.addBinding("cross-entropy").toInstance(new CrossEntropy());
    costs.addBinding("log-likelihood").toInstance(new LogLikelihood());
  }
}
