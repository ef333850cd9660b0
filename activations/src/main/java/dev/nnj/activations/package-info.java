/**
 * Activation functions: the {@link dev.nnj.activations.Activation} interface, the built-in
 * implementations and {@link dev.nnj.activations.ActivationsModule}, which binds them by name.
 *
 * <p>To add your own, implement {@code Activation} (forward {@code apply} and {@code derivative}
 * side by side, on whole blocks) and bind it in your own Guice module with
 * {@code ActivationsModule.activationBinder(binder()).addBinding("my-name")}. This module depends
 * on nothing of nnj's.
 */
package dev.nnj.activations;
