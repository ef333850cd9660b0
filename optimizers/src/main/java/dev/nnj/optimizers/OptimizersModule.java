package dev.nnj.optimizers;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in optimizers under their names, each with its default hyperparameters:
 * {@code "sgd"} with {@code η = 3.0}, the book's chapter-1 value. Change them with
 * {@link Optimizer#withLearningRate} or by building the record yourself.
 *
 * <p>The names are part of nnj's file formats and never change. A duplicate name fails when the
 * injector is created. To replace a built-in, leave this module out and bind the names you
 * want yourself (Guice's {@code Modules.override} does not reach map-binder entries).
 */
public final class OptimizersModule extends AbstractModule {

  /** The book's chapter-1 learning rate, the default for {@code "sgd"}. */
  public static final double DEFAULT_SGD_LEARNING_RATE = 3.0;

  /**
   * The map users add to:
   * {@code OptimizersModule.optimizerBinder(binder()).addBinding("lion").toInstance(new Lion(1e-4))}.
   */
  public static MapBinder<String, Optimizer> optimizerBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Optimizer.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, Optimizer> optimizers = optimizerBinder(binder());
    optimizers.addBinding("sgd").toInstance(new Sgd(DEFAULT_SGD_LEARNING_RATE));
  }
}
