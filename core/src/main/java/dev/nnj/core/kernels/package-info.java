/**
 * The matrix kernels: the only place where nnj's hot loops live. Model code in
 * {@code dev.nnj.core} calls them and reads like the book; tuning happens here.
 */
package dev.nnj.core.kernels;
