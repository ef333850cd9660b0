/**
 * JMH benchmarks of nnj's hot paths, on seeded generated data (no files, no internet): the first
 * layer's sparse kernels ({@link dev.nnj.benchmarks.SparseKernels}), the output layer's dense
 * kernels ({@link dev.nnj.benchmarks.DenseKernels}), one mini-batch's backpropagation
 * ({@link dev.nnj.benchmarks.TrainingStep}) and one training epoch
 * ({@link dev.nnj.benchmarks.TrainingEpoch}). The shapes are those of chapter 1's network,
 * {@code [784, 30 or 100, 10]}, with mini-batches of 10 or 100.
 *
 * <p>{@code ./mvnw verify} only compiles them and builds the jar; nothing runs. To run them, from
 * the project root:
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar                               # all, a few minutes
 * java -jar benchmarks/target/benchmarks.jar SparseKernels -p outputs=30   # one class, one shape
 * java -jar benchmarks/target/benchmarks.jar 'DenseKernels.affine' -p batchSize=100
 * java -jar benchmarks/target/benchmarks.jar -wi 1 -i 3 -w 1 -r 1 -f 1     # a quick pass
 * java -jar benchmarks/target/benchmarks.jar -jvmArgs -Dnnj.threads=1      # kernels on one thread
 * java -jar benchmarks/target/benchmarks.jar -h                            # JMH's options
 * }</pre>
 *
 * <p>The parameters are {@code outputs} (the hidden size, in {@code SparseKernels}), {@code inputs}
 * (the hidden size, in {@code DenseKernels}), {@code hidden} (in {@code TrainingStep} and
 * {@code TrainingEpoch}) and {@code batchSize} (everywhere). Times are averages per call, in
 * microseconds; {@code TrainingEpoch} in milliseconds.
 *
 * <p>Where the work is large (about 3·10⁵ multiply-adds or more, e.g. a mini-batch of 100 in the
 * first layer) the kernels use a second core, as they do in training; {@code -Dnnj.threads=1}
 * shows the one-thread figure.
 *
 * <p>The shared development machine has two cores and other work on them, so absolute figures
 * are noisy, by tens of percent from run to run. Compare ratios between benchmarks of one run
 * (before and after a change: run both in one session, several times), not figures across runs
 * or machines.
 */
package dev.nnj.benchmarks;
