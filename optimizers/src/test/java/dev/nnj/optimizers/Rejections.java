package dev.nnj.optimizers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.provider.Arguments;

/** Builds and checks the out-of-range constructor calls that each optimizer's test lists. */
final class Rejections {

  private Rejections() {}

  /** One row for a {@code @MethodSource}: the hyperparameter, its bad value, the failing call. */
  static Arguments rejected(String name, double value, ThrowingCallable construct) {
    return Arguments.of(name, value, construct);
  }

  /** The call fails with a message naming the hyperparameter and showing its value. */
  static void assertRejected(String name, double value, ThrowingCallable construct) {
    assertThatThrownBy(construct)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(name + " must be ")
        .hasMessageEndingWith(": " + value);
  }
}
