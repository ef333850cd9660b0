/**
 * Contract checks for users' own parts, to call from their tests (depend on {@code nnj-testing}
 * at test scope): {@link dev.nnj.testing.ActivationContract} checks an activation's derivative
 * against central differences and its in-place use, {@link dev.nnj.testing.CostContract} a cost's
 * error against its gradient, {@link dev.nnj.testing.OptimizerContract} an optimizer's steps and
 * saved state, {@link dev.nnj.testing.JsonContract} any
 * named part's JSON round trip. nnj runs the same checks over every built-in part.
 */
package dev.nnj.testing;
