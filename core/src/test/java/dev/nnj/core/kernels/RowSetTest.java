package dev.nnj.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowSetTest {

  @Test
  void add_keepsEachRowOnceInTheOrderFirstAdded() {
    RowSet set = new RowSet(10);
    for (int row : new int[] {7, 2, 7, 9, 2, 0}) {
      set.add(row);
    }
    assertThat(set.size()).isEqualTo(4);
    assertThat(new int[] {set.get(0), set.get(1), set.get(2), set.get(3)}).containsExactly(7, 2, 9, 0);
  }

  @Test
  void clear_emptiesTheSetSoThatRowsCanBeAddedAgain() {
    RowSet set = new RowSet(5);
    set.add(3);
    set.add(4);
    set.clear();
    assertThat(set.size()).isZero();
    set.add(4);
    set.add(4);
    assertThat(set.size()).isEqualTo(1);
    assertThat(set.get(0)).isEqualTo(4);
  }

  @Test
  void get_beyondTheSizeIsRefusedEvenWhereAnOldMemberWas() {
    RowSet set = new RowSet(5);
    set.add(1);
    set.add(2);
    set.clear();
    set.add(3);
    assertThatThrownBy(() -> set.get(1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("1 >= size 1");
  }
}
