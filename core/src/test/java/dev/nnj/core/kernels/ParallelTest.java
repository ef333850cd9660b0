package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void split_runsEveryOutputOnce_evenFromManyThreadsAndFromInsideAHalf() throws Exception {
    int n = 1000;
    AtomicIntegerArray runs = new AtomicIntegerArray(4 * n);
    Thread[] callers = new Thread[4];
    for (int c = 0; c < callers.length; c++) {
      int offset = c * n;
      callers[c] = new Thread(() -> {
        for (int repeat = 0; repeat < 200; repeat++) {
          // Each half splits again: the worker is then busy (or is the caller) and the inner
          // halves run where they were asked for.
          Parallel.split(n, (part, from, to) -> Parallel.split(to - from, (inner, a, b) -> {
            for (int i = from + a; i < from + b; i++) {
              runs.incrementAndGet(offset + i);
            }
          }));
        }
      });
      callers[c].start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    for (int i = 0; i < runs.length(); i++) {
      assertThat(runs.get(i)).as("output %d", i).isEqualTo(200);
    }
  }

  @Test
  void split_throwsWhatEitherHalfThrew_andStaysUsable() {
    assertThatThrownBy(() -> Parallel.split(10, (part, from, to) -> {
      if (part == 1) {
        throw new IllegalStateException("upper half " + from + ".." + to);
      }
    })).isInstanceOf(IllegalStateException.class).hasMessage("upper half 5..10");
    assertThatThrownBy(() -> Parallel.split(10, (part, from, to) -> {
      throw new ArithmeticException("half " + part);
    })).isInstanceOf(ArithmeticException.class);
    int[] seen = new int[10];
    Parallel.split(10, (part, from, to) -> {
      for (int i = from; i < to; i++) {
        seen[i]++;
      }
    });
    assertThat(seen).containsOnly(1);
  }
}
