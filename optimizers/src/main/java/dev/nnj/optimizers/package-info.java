/**
 * Optimizers: the {@link dev.nnj.optimizers.Optimizer} interface (immutable hyperparameters), its
 * per-run {@link dev.nnj.optimizers.OptimizerState}, the built-in implementations and
 * {@link dev.nnj.optimizers.OptimizersModule}, which binds them by name.
 *
 * <p>The built-ins, in order of increasing complexity: {@link dev.nnj.optimizers.Sgd},
 * {@link dev.nnj.optimizers.Momentum}, {@link dev.nnj.optimizers.Nesterov},
 * {@link dev.nnj.optimizers.AdaGrad}, {@link dev.nnj.optimizers.RmsProp},
 * {@link dev.nnj.optimizers.Adam} and {@link dev.nnj.optimizers.AdamW}. Their per-run states and
 * range checks are package-private helpers beside them.
 *
 * <p>To add your own, implement {@code Optimizer} as a record of its hyperparameters whose
 * {@code start} creates the state, and bind it with
 * {@code OptimizersModule.optimizerBinder(binder()).addBinding("my-name")}. This module depends on
 * nothing of nnj's.
 */
package dev.nnj.optimizers;
