package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Work run on one thread keeps every half of every kernel on that thread. */
class KernelThreadsTest {

  @Test
  void onOneThread_keepsBothHalvesOnTheCaller_andEndsWithIt() {
    List<Thread> ran = Collections.synchronizedList(new ArrayList<>());
    Thread caller = Thread.currentThread();
    boolean split = KernelThreads.onOneThread(() -> {
      Parallel.split(2, (part, from, to) -> ran.add(Thread.currentThread()));
      return Parallel.worthSplitting(1_000, Long.MAX_VALUE);
    });
    assertThat(split).isFalse();
    assertThat(ran).containsExactly(caller, caller);
    assertThat(KernelThreads.oneHere()).isFalse();
    // Nested, the inner end does not release the outer.
    boolean stillOne = KernelThreads.onOneThread(() -> {
      KernelThreads.onOneThread(() -> null);
      return KernelThreads.oneHere();
    });
    assertThat(stillOne).isTrue();
  }
}
