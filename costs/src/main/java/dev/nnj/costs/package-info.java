/**
 * Cost functions: the {@link dev.nnj.costs.Cost} interface, the built-in implementations and
 * {@link dev.nnj.costs.CostsModule}, which binds them by name. From simplest to hardest:
 * {@link dev.nnj.costs.Quadratic} ({@code "quadratic"}, works with any output activation),
 * {@link dev.nnj.costs.CrossEntropy} ({@code "cross-entropy"}, paired with sigmoid outputs) and
 * {@link dev.nnj.costs.LogLikelihood} ({@code "log-likelihood"}, paired with softmax outputs).
 * Every cost is summed over the examples of a block, never averaged.
 *
 * <p>To add your own, implement {@code Cost} ({@code cost} and {@code outputError} side by side)
 * and bind it with {@code CostsModule.costBinder(binder()).addBinding("my-name")}. This module
 * depends on nothing of nnj's: a paired activation is named by its class name, a string.
 */
package dev.nnj.costs;
