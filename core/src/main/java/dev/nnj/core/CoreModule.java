package dev.nnj.core;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds core's own families under their names — initialisations ({@code "standard-normal"},
 * {@code "normal-over-fan-in"}, {@code "glorot"}, {@code "he"},
 * {@code "normal-over-fan-out"}, {@code "zeros"}), regularisations ({@code "none"},
 * {@code "l2"}, {@code "l1"}) and schedules ({@code "constant"}, {@code "step-decay"},
 * {@code "halve-on-plateau"}) and layers ({@code "dense"}, {@code "dropout"}, {@code "flatten"}, {@code "conv"},
 * {@code "max-pool"})
 * — each with its default parameters.
 *
 * <p>The names are part of nnj's file formats and never change. A duplicate name fails when the
 * injector is created.
 */
public final class CoreModule extends AbstractModule {

  /** The map of initialisations users add to. */
  public static MapBinder<String, Initialization> initializationBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Initialization.class);
  }

  /** The map of regularisations users add to. */
  public static MapBinder<String, Regularization> regularizationBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Regularization.class);
  }

  /** The map of learning-rate schedules users add to. */
  public static MapBinder<String, Schedule> scheduleBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Schedule.class);
  }

  /** The map of layer kinds users add to. */
  public static MapBinder<String, Layer> layerBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Layer.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, Layer> layers = layerBinder(binder());
    layers.addBinding("dense").toInstance(new Dense());
    layers.addBinding("dropout").toInstance(new Dropout());
    layers.addBinding("flatten").toInstance(new Flatten());
    layers.addBinding("conv").toInstance(new Conv());
    layers.addBinding("max-pool").toInstance(new MaxPool());

    MapBinder<String, Initialization> initializations = initializationBinder(binder());
    initializations.addBinding("standard-normal").toInstance(new StandardNormal());
    initializations.addBinding("normal-over-fan-in").toInstance(new NormalOverFanIn());
    initializations.addBinding("glorot").toInstance(new Glorot());
    initializations.addBinding("he").toInstance(new He());
    initializations.addBinding("normal-over-fan-out").toInstance(new NormalOverFanOut());
    initializations.addBinding("zeros").toInstance(new Zeros());

    MapBinder<String, Regularization> regularizations = regularizationBinder(binder());
    regularizations.addBinding("none").toInstance(new NoRegularization());
    regularizations.addBinding("l2").toInstance(new L2(0.0));
    regularizations.addBinding("l1").toInstance(new L1(0.0));

    MapBinder<String, Schedule> schedules = scheduleBinder(binder());
    schedules.addBinding("constant").toInstance(new ConstantRate());
    schedules.addBinding("step-decay").toInstance(new StepDecay(0.5, 10));
    schedules.addBinding("halve-on-plateau").toInstance(new HalveOnPlateau(10, 128));
  }
}
