package dev.nnj.activations;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in activations under their names: {@code "sigmoid"}.
 *
 * <p>The names are part of nnj's file formats and never change. A duplicate name fails when the
 * injector is created, so a user's module cannot silently shadow a built-in. To replace one on
 * purpose, leave this module out and bind the names you want yourself (Guice's
 * {@code Modules.override} does not reach map-binder entries).
 */
public final class ActivationsModule extends AbstractModule {

  /**
   * The map users add to:
   * {@code ActivationsModule.activationBinder(binder()).addBinding("swish").to(Swish.class)}.
   */
  public static MapBinder<String, Activation> activationBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, Activation.class);
  }

  @Override
  protected void configure() {
    MapBinder<String, Activation> activations = activationBinder(binder());
    activations.addBinding("sigmoid").toInstance(new Sigmoid());
  }
}
