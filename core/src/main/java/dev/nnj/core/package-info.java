/**
 * Networks and their training: {@link dev.nnj.core.Network} (layers of weights, biases and
 * activations), {@link dev.nnj.core.Backpropagation} (gradients over a whole mini-batch) and
 * {@link dev.nnj.core.Trainer} (mini-batch stochastic gradient descent), composed from the
 * {@code Activation}, {@code Cost}, {@code Optimizer} and {@code Dataset} extension points.
 *
 * <p>The code follows Nielsen's <i>Neural Networks and Deep Learning</i>, chapters 1 and 2; the
 * hot loops live in {@link dev.nnj.core.kernels}. Nothing here prints: training reports through
 * {@link dev.nnj.core.TrainingListener}. Every file nnj writes goes through
 * {@link dev.nnj.core.AtomicFile}: whole or not at all.
 */
package dev.nnj.core;
