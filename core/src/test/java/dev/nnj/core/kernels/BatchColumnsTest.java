package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchColumnsTest {

  // Three examples of four inputs: input 1 is zero throughout.
  private static final float[] DENSE = {
      0.5f, 0, 0, 0.25f,
      0, 0, 0.75f, 0,
      1, 0, 0.125f, 0.5f};
  private final SparseRows rows = SparseRows.of(DENSE, 3, 4);

  @Test
  void build_groupsTheBatchByInputInIncreasingOrderWithExamplesInBatchOrder() {
    BatchColumns columns = new BatchColumns(4);
    int[] order = {2, 0, 1}; // batch positions 0, 1, 2 are examples 2, 0, 1
    columns.build(rows, order, 0, 3);

    assertThat(columns.rows()).isEqualTo(3);
    assertThat(columns.groups()).isEqualTo(3);
    assertThat(new int[] {columns.column(0), columns.column(1), columns.column(2)})
        .containsExactly(0, 2, 3);
    assertThat(Arrays.copyOf(columns.groupStart, 4)).containsExactly(0, 2, 4, 6);
    // input 0: example 2 (position 0) then example 0 (position 1); input 2: positions 0 and 2;
    // input 3: positions 0 and 1.
    assertThat(Arrays.copyOf(columns.example, 6)).containsExactly(0, 1, 0, 2, 0, 1);
    assertThat(Arrays.copyOf(columns.value, 6))
        .containsExactly(1f, 0.5f, 0.125f, 0.75f, 0.5f, 0.25f);
  }

  @Test
  void build_again_forgetsThePreviousBatch() {
    BatchColumns columns = new BatchColumns(4);
    int[] order = {0, 1, 2};
    columns.build(rows, order, 0, 3);
    columns.build(rows, order, 1, 1); // example 1 alone: only input 2
    assertThat(columns.rows()).isEqualTo(1);
    assertThat(columns.groups()).isEqualTo(1);
    assertThat(columns.column(0)).isEqualTo(2);
    assertThat(Arrays.copyOf(columns.groupStart, 2)).containsExactly(0, 1);
  }

  @Test
  void build_refusesDataOfAnotherWidth() {
    assertThatThrownBy(() -> new BatchColumns(5).build(rows, new int[] {0}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data has 4 columns, not 5");
  }
}
