package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InMemoryDatasetTest {

  private final Examples two = new Examples(new float[] {0f, 1f, 1f, 0f}, 2, new int[] {0, 1}, 2);
  private final Splits splits = new Splits(two, two.slice(0, 1), two.slice(1, 2));

  @Test
  void load_returnsTheGivenSplitsWhateverTheLocation() {
    Dataset dataset = new InMemoryDataset("two points", splits);
    assertThat(dataset.load(DataLocation.of(Path.of("/no/such/directory")))).isSameAs(splits);
    assertThat(dataset.description()).isEqualTo("two points");
  }

  @Test
  void construction_requiresADescriptionAndSplits() {
    assertThatThrownBy(() -> new InMemoryDataset(null, splits))
        .isInstanceOf(NullPointerException.class).hasMessage("description");
    assertThatThrownBy(() -> new InMemoryDataset("x", null))
        .isInstanceOf(NullPointerException.class).hasMessage("splits");
  }
}
