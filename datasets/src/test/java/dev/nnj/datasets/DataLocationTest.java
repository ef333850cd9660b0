package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataLocationTest {
  private static final Path HOME = Path.of("/home/ada");

  private static Path directory(Map<String, String> env) {
    return DataLocation.defaultDirectory("mnist", env::get, HOME);
  }

  @Test
  void defaultDirectory_nnjDataSet_usesDatasetSubdirectory() {
    assertThat(directory(Map.of("NNJ_DATA", "/data", "XDG_CACHE_HOME", "/xdg")))
        .isEqualTo(Path.of("/data/mnist"));
  }

  @Test
  void defaultDirectory_twoDatasets_neverShareADirectory() {
    Map<String, String> env = Map.of("NNJ_DATA", "/data");
    assertThat(DataLocation.defaultDirectory("fashion-mnist", env::get, HOME))
        .isEqualTo(Path.of("/data/fashion-mnist"))
        .isNotEqualTo(DataLocation.defaultDirectory("mnist", env::get, HOME));
    assertThat(DataLocation.defaultDirectory("fashion-mnist", Map.<String, String>of()::get, HOME))
        .isEqualTo(Path.of("/home/ada/.cache/nnj/fashion-mnist"));
  }

  @Test
  void defaultDirectory_xdgCacheHomeSet_usesNnjSubdirectory() {
    assertThat(directory(Map.of("XDG_CACHE_HOME", "/xdg"))).isEqualTo(Path.of("/xdg/nnj/mnist"));
  }

  @Test
  void defaultDirectory_nothingSet_usesHomeCache() {
    assertThat(directory(Map.of())).isEqualTo(Path.of("/home/ada/.cache/nnj/mnist"));
  }

  @Test
  void defaultDirectory_emptyVariables_countAsUnset() {
    assertThat(directory(Map.of("NNJ_DATA", "", "XDG_CACHE_HOME", "")))
        .isEqualTo(Path.of("/home/ada/.cache/nnj/mnist"));
  }

  @Test
  void defaultDirectory_blankName_rejected() {
    assertThatThrownBy(() -> DataLocation.defaultDirectory(" ", Map.<String, String>of()::get, HOME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("datasetName");
  }

  @Test
  void constructor_nullListener_rejected() {
    assertThatThrownBy(() -> new DataLocation(HOME, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("listener");
  }
}
