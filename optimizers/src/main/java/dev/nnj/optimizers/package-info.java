/**
 * Optimizers: the {@link dev.nnj.optimizers.Optimizer} interface (immutable hyperparameters), its
 * per-run {@link dev.nnj.optimizers.OptimizerState}, the built-in implementations and
 * {@link dev.nnj.optimizers.OptimizersModule}, which binds them by name.
 *
 * <p>To add your own, implement {@code Optimizer} as a record of its hyperparameters whose
 * {@code start} creates the state, and bind it with
 * {@code OptimizersModule.optimizerBinder(binder()).addBinding("my-name")}. This module depends on
 * nothing of nnj's.
 */
package dev.nnj.optimizers;
