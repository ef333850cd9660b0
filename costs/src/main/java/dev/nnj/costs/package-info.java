/**
 * Cost functions: the {@link dev.nnj.costs.Cost} interface, the built-in implementations and
 * {@link dev.nnj.costs.CostsModule}, which binds them by name.
 *
 * <p>To add your own, implement {@code Cost} ({@code cost} and {@code outputError} side by side)
 * and bind it with {@code CostsModule.costBinder(binder()).addBinding("my-name")}. This module
 * depends on nothing of nnj's.
 */
package dev.nnj.costs;
