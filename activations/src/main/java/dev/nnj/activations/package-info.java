/**
 * Activation functions: the {@link dev.nnj.activations.Activation} interface, the built-in
 * implementations and {@link dev.nnj.activations.ActivationsModule}, which binds them by name.
 *
 * <p>The built-ins, simplest first: {@link dev.nnj.activations.Identity},
 * {@link dev.nnj.activations.Sigmoid}, {@link dev.nnj.activations.Tanh},
 * {@link dev.nnj.activations.Relu}, {@link dev.nnj.activations.LeakyRelu},
 * {@link dev.nnj.activations.Elu} and {@link dev.nnj.activations.Softplus} act element by element;
 * {@link dev.nnj.activations.Softmax} acts on each row, as the output layer of a classifier.
 * Parameterised ones are records ({@code new LeakyRelu(0.2)}); the others are stateless classes.
 *
 * <p>To add your own, implement {@code Activation} (forward {@code apply} and {@code derivative}
 * side by side, on whole blocks) and bind it in your own Guice module with
 * {@code ActivationsModule.activationBinder(binder()).addBinding("my-name")}. This module depends
 * on nothing of nnj's.
 */
package dev.nnj.activations;
