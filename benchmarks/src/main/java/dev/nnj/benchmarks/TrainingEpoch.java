package dev.nnj.benchmarks;

import dev.nnj.activations.Sigmoid;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.core.Trainer;
import dev.nnj.core.TrainingConfig;
import dev.nnj.core.TrainingListener;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.Examples;
import dev.nnj.optimizers.Sgd;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One epoch of {@link Trainer#train} over {@value #EXAMPLES} generated MNIST-like examples — a
 * sixth of MNIST's training set, so one epoch fits in a one-second iteration — on chapter 1's
 * network {@code [784, hidden, 10]}: sigmoid, quadratic cost, SGD with η = 3.
 *
 * <p>Each call is a whole {@code train} call with one epoch: the conversion of the inputs to
 * sparse form, the shuffle, every mini-batch's backpropagation and update. No test set is
 * evaluated. The network keeps training from one call to the next; that changes its weights but
 * not the work per epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingEpoch {

  static final int EXAMPLES = 10_000;

  /** The hidden layer's size {@code H}. */
  @Param({"30", "100"})
  public int hidden;

  /** The mini-batch size {@code m}. */
  @Param({"10", "100"})
  public int batchSize;

  private final Trainer trainer = new Trainer(new Quadratic(), new Sgd(3.0));
  private final TrainingListener silent = new TrainingListener() {};
  private Network network;
  private Examples training;
  private TrainingConfig oneEpoch;

  @Setup
  public void generate() {
    NetworkSpec spec = NetworkSpec.of(
        List.of(GeneratedData.PIXELS, hidden, GeneratedData.CLASSES), new Sigmoid());
    network = Network.initialised(spec, 7);
    training = new Examples(GeneratedData.mnistLikeImages(EXAMPLES, 8), GeneratedData.PIXELS,
        GeneratedData.labels(EXAMPLES, 9), GeneratedData.CLASSES);
    oneEpoch = new TrainingConfig(1, batchSize, 10);
  }

  @Benchmark
  public void epoch(Blackhole blackhole) {
    blackhole.consume(trainer.train(network, training, null, oneEpoch, silent));
  }
}
