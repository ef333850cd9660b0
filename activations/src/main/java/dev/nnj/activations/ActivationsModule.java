package dev.nnj.activations;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;

/**
 * Binds the built-in activations under their names, simplest first: {@code "identity"},
 * {@code "sigmoid"}, {@code "tanh"}, {@code "relu"}, {@code "leaky-relu"} (slope 0.01),
 * {@code "elu"} (alpha 1.0), {@code "softplus"}, {@code "softmax"}. A parameterised activation is
 * bound with its usual parameter; other values are {@code new LeakyRelu(0.2)} in Java or
 * {@code {"type": "leaky-relu", "slope": 0.2}} in JSON.
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
    activations.addBinding("identity").toInstance(new Identity());
    activations.addBinding("sigmoid").toInstance(new Sigmoid());
    activations.addBinding("tanh").toInstance(new Tanh());
    activations.addBinding("relu").toInstance(new Relu());
    activations.addBinding("leaky-relu").toInstance(new LeakyRelu());
    activations.addBinding("elu").toInstance(new Elu());
    activations.addBinding("softplus").toInstance(new Softplus());
    activations.addBinding("softmax").toInstance(new Softmax());
  }
}
