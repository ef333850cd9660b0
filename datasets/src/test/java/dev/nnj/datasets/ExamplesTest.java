package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExamplesTest {
  // three examples of two features: (0, 1) → 0, (2, 3) → 1, (4, 5) → 2
  private static Examples threeByTwo() {
    return new Examples(new float[] {0, 1, 2, 3, 4, 5}, 2, new int[] {0, 1, 2}, 3);
  }

  @Test
  void accessors_readRowMajorLayout() {
    Examples examples = threeByTwo();
    assertThat(examples.size()).isEqualTo(3);
    assertThat(examples.featureCount()).isEqualTo(2);
    assertThat(examples.classCount()).isEqualTo(3);
    assertThat(examples.feature(1, 1)).isEqualTo(3f);
    assertThat(examples.label(2)).isEqualTo(2);
  }

  @Test
  void copyFeatures_copiesRowAtOffset() {
    double[] dest = {9, 9, 9, 9};
    threeByTwo().copyFeatures(2, dest, 1);
    assertThat(dest).containsExactly(9, 4, 5, 9);
  }

  @Test
  void copyFeatures_destinationTooShort_rejected() {
    assertThatThrownBy(() -> threeByTwo().copyFeatures(0, new double[2], 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void slice_keepsRange() {
    Examples slice = threeByTwo().slice(1, 3);
    assertThat(slice.size()).isEqualTo(2);
    assertThat(slice.features()).containsExactly(2, 3, 4, 5);
    assertThat(slice.labels()).containsExactly(1, 2);
    assertThat(slice.classCount()).isEqualTo(3);
  }

  @Test
  void slice_emptyRange_isEmpty() {
    assertThat(threeByTwo().slice(2, 2).size()).isZero();
  }

  @Test
  void slice_outOfRange_rejected() {
    assertThatThrownBy(() -> threeByTwo().slice(1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void label_outOfRange_rejected() {
    assertThatThrownBy(() -> threeByTwo().label(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void constructor_lengthMismatch_namesLengths() {
    assertThatThrownBy(() -> new Examples(new float[5], 2, new int[3], 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("features.length must be labels.length × featureCount = 3 × 2: 5");
  }

  @Test
  void constructor_labelOutOfRange_namesIndexAndValue() {
    assertThatThrownBy(() -> new Examples(new float[4], 2, new int[] {0, 3}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels[1] must be in [0, 3): 3");
  }

  @Test
  void constructor_negativeLabel_rejected() {
    assertThatThrownBy(() -> new Examples(new float[2], 2, new int[] {-1}, 3))
        .hasMessage("labels[0] must be in [0, 3): -1");
  }

  @Test
  void constructor_nanFeature_namesPosition() {
    assertThatThrownBy(() -> new Examples(new float[] {0, 1, 2, Float.NaN}, 2, new int[] {0, 1}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature 1 of example 1 must be finite: NaN");
  }

  @Test
  void constructor_badCounts_rejected() {
    assertThatThrownBy(() -> new Examples(new float[0], 0, new int[0], 3))
        .hasMessage("featureCount must be >= 1: 0");
    assertThatThrownBy(() -> new Examples(new float[0], 1, new int[0], 0))
        .hasMessage("classCount must be >= 1: 0");
  }

  @Test
  void splits_featureCountsDiffer_rejected() {
    Examples other = new Examples(new float[3], 3, new int[] {0}, 3);
    assertThatThrownBy(() -> new Splits(threeByTwo(), other, threeByTwo()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("validation has featureCount 3, training has 2");
  }

  @Test
  void splits_classCountsDiffer_rejected() {
    Examples other = new Examples(new float[2], 2, new int[] {0}, 10);
    assertThatThrownBy(() -> new Splits(threeByTwo(), threeByTwo(), other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("test has classCount 10, training has 3");
  }
}
