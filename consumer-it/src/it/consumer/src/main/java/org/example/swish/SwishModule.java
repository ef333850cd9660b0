package org.example.swish;

import com.google.inject.AbstractModule;
import dev.nnj.activations.ActivationsModule;

/** Binds "swish" beside nnj's activations. */
public final class SwishModule extends AbstractModule {
  @Override protected void configure() {
    ActivationsModule.activationBinder(binder()).addBinding("swish").to(Swish.class);
  }
}
