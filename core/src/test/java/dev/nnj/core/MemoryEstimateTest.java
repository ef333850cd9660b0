package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nnj.activations.Sigmoid;
import dev.nnj.costs.Quadratic;
import dev.nnj.datasets.Examples;
import dev.nnj.datasets.Shape;
import dev.nnj.optimizers.Sgd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory estimate, counted by hand for chapter 1's network, and the refusals of networks that
 * cannot fit: each refused from the declared sizes alone, so these tests allocate nothing large
 * whatever the test JVM's heap.
 */
class MemoryEstimateTest {

  private static final long MIB = 1L << 20;

  private static NetworkSpec sigmoid(Integer... sizes) {
    return NetworkSpec.of(List.of(sizes), new Sigmoid());
  }

  @Test
  void ofTraining_chapterOne_countsEveryArrayByHand() {
    // Parameters P = 784·30 + 30 + 30·10 + 10 = 23,860: the values and the best copy, 2P = 47,720.
    // Training, 10 rows: layer 1 gradients 23,550 + scratch 2·784, z a Δ 3·30·10, ∂C/∂a 300
    // = 26,318; layer 2 gradients 310 + scratch 60, 3·10·10, ∂C/∂a 100, BP2's wᵀ 300 = 1,070;
    // the one-hot y 100. Evaluation, 500 rows: layer 1 25,118 + 45,000, layer 2 370 + 15,000.
    long values = 47_720 + 26_318 + 1_070 + 100 + 70_118 + 15_370;
    assertThat(MemoryEstimate.ofTraining(sigmoid(784, 30, 10), 10, 500, 0).bytes())
        .isEqualTo(8 * values);
  }

  @Test
  void ofTraining_optimizerState_addsItsValuesPerParameter() {
    long sgd = MemoryEstimate.ofTraining(sigmoid(784, 30, 10), 10, 0, 0).bytes();
    long adam = MemoryEstimate.ofTraining(sigmoid(784, 30, 10), 10, 0, 2).bytes();
    assertThat(adam - sgd).isEqualTo(8L * 2 * 23_860);
  }

  @Test
  void ofNetwork_aHundredMillionHiddenNeurons_refusedNamingSizeAndLimit() {
    assertThatThrownBy(() -> MemoryEstimate.ofNetwork(sigmoid(784, 100_000_000, 10))
            .requireAtMost(256 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the network [784, 100000000, 10] needs at least 592.3 GiB of memory (79.5 "
            + "billion parameters), more than this JVM's maximum heap of 256.0 MiB (-Xmx); "
            + "choose smaller layers or mini-batches, or give Java more memory");
  }

  @Test
  void initialised_networkBeyondTheHeap_refusedBeforeAllocating() {
    // 592 GiB: more than any test machine's heap; allocating it would fail, not pass slowly.
    assertThatThrownBy(() -> Network.initialised(sigmoid(784, 100_000_000, 10), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the network [784, 100000000, 10] needs at least 592.3 GiB")
        .hasMessageContaining("more than this JVM's maximum heap of "
            + MemoryEstimate.binaryUnits(Runtime.getRuntime().maxMemory()) + " (-Xmx)");
  }

  @Test
  void ofTraining_layerOfIntMaxNeurons_refusedAsLongerThanAnArrayWhateverTheHeap() {
    // 500 × 2147483647 overflows an int: without the check the workspace's length turns negative.
    assertThatThrownBy(() -> MemoryEstimate.ofTraining(sigmoid(784, Integer.MAX_VALUE, 10), 10,
            500, 0).requireAtMost(Long.MAX_VALUE - 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("500 examples × 2,147,483,647 outputs of layer 1 make 1,073,741,823,500 "
            + "numbers, more than one Java array holds (2,147,483,639); choose smaller layers or "
            + "mini-batches");
  }

  @Test
  void ofTraining_layerOfIntMaxNeurons_refusedFirstForItsMemory() {
    assertThatThrownBy(() -> MemoryEstimate.ofTraining(sigmoid(784, Integer.MAX_VALUE, 10), 10,
            500, 0).requireAtMost(256 * MIB))
        .hasMessageStartingWith("training the network [784, 2147483647, 10] in mini-batches of "
            + "10 needs at least ");
  }

  @Test
  void ofNetwork_intMaxNeurons_countsInLongs() {
    assertThat(MemoryEstimate.ofNetwork(sigmoid(784, Integer.MAX_VALUE, 10)).bytes())
        .isEqualTo(8 * (795L * Integer.MAX_VALUE + 10)); // (784 + 1 + 10) · M + 10 parameters
  }

  @Test
  void ofTraining_twoLayersOfAHundredThousand_refused() {
    assertThatThrownBy(() -> MemoryEstimate.ofTraining(sigmoid(784, 100_000, 100_000, 10), 10,
            500, 0).requireAtMost(256 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("training the network [784, 100000, 100000, 10] in mini-batches "
            + "of 10 needs at least ")
        .hasMessageEndingWith("more than this JVM's maximum heap of 256.0 MiB (-Xmx); choose "
            + "smaller layers or mini-batches, or give Java more memory");
  }

  @Test
  void ofTraining_twentyThousandLayersInBatchesOf50000_refusedInOneShortLine() {
    List<Integer> sizes = new ArrayList<>(Collections.nCopies(20_003, 10));
    sizes.set(0, 784);
    NetworkSpec deep = NetworkSpec.of(sizes, new Sigmoid());
    assertThatThrownBy(() -> MemoryEstimate.ofTraining(deep, 50_000, 500, 0)
            .requireAtMost(256 * MIB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("training the network [784, 10, 10, …, 10] (20002 layers) in "
            + "mini-batches of 50000 needs at least ")
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
  }

  @Test
  void ofNetwork_sumsBeyondALong_stayAtTheMaximum() {
    List<Integer> sizes = new ArrayList<>(Collections.nCopies(5_000, Integer.MAX_VALUE));
    NetworkSpec huge = NetworkSpec.of(sizes, new Sigmoid());
    assertThat(MemoryEstimate.ofNetwork(huge).bytes()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> MemoryEstimate.ofNetwork(huge).requireAtMost(256 * MIB))
        .hasMessageContaining("needs at least more than 8 EiB of memory");
  }

  @Test
  void checkMemory_batchOfTheWholeData_countsNoMoreRowsThanTheDataHas() {
    Trainer trainer = new Trainer(new Quadratic(), new Sgd(3.0));
    Examples ten = new Examples(new float[10 * 784], Shape.flat(784), new int[10], 10);
    // Mini-batches of a billion rows over ten examples hold ten: nothing near the limit.
    trainer.checkMemory(sigmoid(784, 30, 10), ten, ten,
        new TrainingConfig(1, 1_000_000_000, 1, new NoRegularization(), new ConstantRate(),
            EarlyStopping.NEVER, Monitoring.EVALUATION_ACCURACY));
  }

  @Test
  void checkMemory_networkBeyondTheHeap_refusedBeforeBuildingIt() {
    Trainer trainer = new Trainer(new Quadratic(), new Sgd(3.0));
    Examples ten = new Examples(new float[10 * 784], Shape.flat(784), new int[10], 10);
    assertThatThrownBy(() -> trainer.checkMemory(sigmoid(784, 100_000, 100_000, 10), ten, ten,
            new TrainingConfig(1, 10, 1, new NoRegularization(), new ConstantRate(),
                EarlyStopping.NEVER, Monitoring.EVALUATION_ACCURACY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("training the network [784, 100000, 100000, 10] in mini-batches "
            + "of 10 needs at least ")
        .hasMessageContaining(" of memory (10.1 billion parameters), more than this JVM");
  }
}
