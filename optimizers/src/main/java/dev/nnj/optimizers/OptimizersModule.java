package dev.nnj.optimizers;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in optimizers under their names, simplest first, each with its default
 * hyperparameters:
 *
 * <ul>
 *   <li>{@code "sgd"}: {@link Sgd} with {@code η = 3.0}, the book's chapter-1 value;
 *   <li>{@code "momentum"}: {@link Momentum} with {@code η = 0.1, μ = 0.9};
 *   <li>{@code "nesterov"}: {@link Nesterov} with {@code η = 0.1, μ = 0.9};
 *   <li>{@code "adagrad"}: {@link AdaGrad} with {@code η = 0.01, ε = 1e-8};
 *   <li>{@code "rmsprop"}: {@link RmsProp} with {@code η = 0.001, ρ = 0.9, ε = 1e-8};
 *   <li>{@code "adam"}: {@link Adam} with {@code η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8}, the
 *       paper's;
 *   <li>{@code "adamw"}: {@link AdamW} with Adam's and {@code λ = 0.01}, PyTorch's.
 * </ul>
 *
 * <p>Change them with {@link Optimizer#withLearningRate} or by building the record yourself.
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
    optimizers.addBinding("momentum").toInstance(new Momentum(0.1, 0.9));
    optimizers.addBinding("nesterov").toInstance(new Nesterov(0.1, 0.9));
    optimizers.addBinding("adagrad").toInstance(new AdaGrad(0.01, 1e-8));
    optimizers.addBinding("rmsprop").toInstance(new RmsProp(0.001, 0.9, 1e-8));
    optimizers.addBinding("adam").toInstance(new Adam(0.001, 0.9, 0.999, 1e-8));
    optimizers.addBinding("adamw").toInstance(new AdamW(0.001, 0.9, 0.999, 1e-8, 0.01));
  }
}
