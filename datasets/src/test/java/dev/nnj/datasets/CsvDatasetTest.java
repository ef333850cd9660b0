package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDatasetTest {
  @TempDir Path directory;

  private final CsvDataset dataset = new CsvDataset();

  private void write(String name, String... lines) throws IOException {
    Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private Splits load() {
    return dataset.load(DataLocation.of(directory));
  }

  /** The one-line message of the failed load. */
  private String failure() {
    Throwable thrown = catchThrowable(this::load);
    assertThat(thrown).isInstanceOf(DatasetException.class);
    assertThat(thrown.getMessage()).doesNotContain("\n");
    return thrown.getMessage();
  }

  @Test
  void load_smallDataset_sizesLabelsFeaturesAndClassCount() throws IOException {
    write("train.csv", "0,1.5,2", "2,-3,4e1", "1,0.25,0");
    write("test.csv", "1,5,6");
    Splits splits = load();
    Examples training = splits.training();
    assertThat(training.size()).isEqualTo(3);
    assertThat(training.featureCount()).isEqualTo(2);
    assertThat(training.classCount()).isEqualTo(3);
    assertThat(training.labels()).containsExactly(0, 2, 1);
    assertThat(training.features()).containsExactly(1.5f, 2f, -3f, 40f, 0.25f, 0f);
    assertThat(splits.test().labels()).containsExactly(1);
    assertThat(splits.test().features()).containsExactly(5f, 6f);
    assertThat(splits.test().classCount()).isEqualTo(3);
  }

  @Test
  void load_directoryInPlaceOfTheTrainingFile_isNamed() throws IOException {
    Files.createDirectory(directory.resolve("train.csv"));
    write("test.csv", "0,5,6");
    assertThat(failure())
        .isEqualTo(directory.resolve("train.csv") + ": is a directory, not a data file");
  }

  @Test
  void load_danglingLinkInPlaceOfTheValidationFile_isNamed() throws IOException {
    write("train.csv", "0,1,2", "1,3,4");
    write("test.csv", "0,5,6");
    Path link = Files.createSymbolicLink(directory.resolve("validation.csv"), Path.of("gone.csv"));
    assertThat(failure()).isEqualTo(link + ": is a symbolic link to gone.csv, which does not exist");
  }

  @Test
  void load_noValidationFile_validationIsEmptyWithTheSameShape() throws IOException {
    write("train.csv", "0,1,2", "1,3,4");
    write("test.csv", "0,5,6");
    Examples validation = load().validation();
    assertThat(validation.size()).isZero();
    assertThat(validation.featureCount()).isEqualTo(2);
    assertThat(validation.classCount()).isEqualTo(2);
  }

  @Test
  void load_validationFile_isTheValidationSplit() throws IOException {
    write("train.csv", "0,1,2", "1,3,4");
    write("validation.csv", "1,7,8", "0,9,10");
    write("test.csv", "0,5,6");
    Examples validation = load().validation();
    assertThat(validation.labels()).containsExactly(1, 0);
    assertThat(validation.features()).containsExactly(7f, 8f, 9f, 10f);
  }

  @Test
  void load_largerLabelInTestOrValidation_setsTheClassCount() throws IOException {
    write("train.csv", "0,1", "1,2");
    write("validation.csv", "4,1");
    write("test.csv", "3,1");
    Splits splits = load();
    assertThat(splits.training().classCount()).isEqualTo(5);
    assertThat(splits.test().classCount()).isEqualTo(5);
  }

  @Test
  void load_headerCommentsAndBlankLines_areSkipped() throws IOException {
    write("train.csv", "# exported by hand", "label, x, y", "", "0, 1, 2", "   ", "  # a note", "1 ,3 , 4");
    write("test.csv", "\uFEFFlabel,x,y\r", "1,5,6\r", "\r");
    Splits splits = load();
    assertThat(splits.training().labels()).containsExactly(0, 1);
    assertThat(splits.training().features()).containsExactly(1f, 2f, 3f, 4f);
    assertThat(splits.test().labels()).containsExactly(1);
  }

  @Test
  void load_missingTrainFile_saysWhereToPutTheData() throws IOException {
    write("test.csv", "0,1");
    assertThat(failure()).isEqualTo("train.csv not found in " + directory
        + ": put your data there as label,feature,feature,…");
  }

  @Test
  void load_missingTestFile_saysWhereToPutTheData() throws IOException {
    write("train.csv", "0,1");
    assertThat(failure()).startsWith("test.csv not found in " + directory + ": ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      1.5,1,2        | :3: the label (first column) must be a class number 0, 1, 2, …: '1.5'
      -1,1,2         | :3: the label (first column) must be a class number 0, 1, 2, …: -1
      one,1,2        | :3: the label (first column) must be a class number 0, 1, 2, …: 'one'
      0;1;2          | :3: the label (first column) must be a class number 0, 1, 2, …: '0;1;2' (the separator is a comma)
      0,1,x          | :3: feature 2 is not a number: 'x'
      0,,2           | :3: feature 1 is not a number: ''
      0,1,NaN        | :3: NaN in input data (feature 2)
      0,1,nan        | :3: NaN in input data (feature 2)
      0,-inf,1       | :3: infinite value in input data (feature 1): -inf
      0,-Infinity,1  | :3: infinite value in input data (feature 1): -Infinity
      0,1e39,1       | :3: feature 1 is beyond float range (±3.4e38): 1e39
      0,1,2,3        | :3: 3 features, but the first row (train.csv:2) has 2
      0,1            | :3: 1 features, but the first row (train.csv:2) has 2
      0              | :3: no features after the label: '0'
      """)
  void load_badRow_isOneLineNamingFileAndLine(String row, String expected) throws IOException {
    write("train.csv", "label,x,y", "0,1,2", row);
    write("test.csv", "0,1,2");
    assertThat(failure()).isEqualTo(directory.resolve("train.csv") + expected
        .replace("train.csv:", directory.resolve("train.csv") + ":"));
  }

  @Test
  void load_numericFirstLineThatIsNoLabel_isAnErrorNotAHeader() throws IOException {
    write("train.csv", "0.5,1,2", "0,1,2");
    write("test.csv", "0,1,2");
    assertThat(failure()).isEqualTo(directory.resolve("train.csv")
        + ":1: the label (first column) must be a class number 0, 1, 2, …: '0.5'");
  }

  @Test
  void load_testRowWithOtherFeatureCount_namesTrainFirstRow() throws IOException {
    write("train.csv", "# c", "0,1,2");
    write("test.csv", "0,1,2", "1,1,2,3");
    assertThat(failure()).isEqualTo(directory.resolve("test.csv") + ":2: 3 features, but the first row ("
        + directory.resolve("train.csv") + ":2) has 2");
  }

  @Test
  void load_nanInValidation_namesValidationFile() throws IOException {
    write("train.csv", "0,1,2");
    write("validation.csv", "0,1,2", "", "1,nan,2");
    write("test.csv", "0,1,2");
    assertThat(failure()).isEqualTo(directory.resolve("validation.csv") + ":3: NaN in input data (feature 1)");
  }

  @Test
  void load_fileWithoutDataRows_isAnError() throws IOException {
    write("train.csv", "0,1,2");
    write("test.csv", "label,x,y", "# nothing yet", "");
    assertThat(failure()).isEqualTo(
        directory.resolve("test.csv") + ": no data rows (only blank, comment or header lines)");
  }

  @Test
  void load_emptyFile_isAnError() throws IOException {
    Files.createFile(directory.resolve("train.csv"));
    write("test.csv", "0,1,2");
    assertThat(failure()).isEqualTo(
        directory.resolve("train.csv") + ": no data rows (only blank, comment or header lines)");
  }

  @Test
  void load_manyRows_growsTheBufferAndKeepsEveryValue() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      rows.append(i % 3).append(',').append(i).append(',').append(-i).append('\n');
    }
    Files.writeString(directory.resolve("train.csv"), rows);
    write("test.csv", "0,1,2");
    Examples training = load().training();
    assertThat(training.size()).isEqualTo(5000);
    assertThat(training.features()).hasSize(10_000);
    assertThat(training.feature(4999, 0)).isEqualTo(4999f);
    assertThat(training.feature(4999, 1)).isEqualTo(-4999f);
    assertThat(training.label(4999)).isEqualTo(4999 % 3);
  }

  @Test
  void files_presenceOfTrainAndTest_optionalValidationIgnored() throws IOException {
    DataLocation location = DataLocation.of(directory);
    assertThat(dataset.files(location)).contains(new DatasetFiles(directory, List.of("train.csv", "test.csv")));
    write("train.csv", "0,1");
    assertThat(dataset.files(location).orElseThrow().missing()).containsExactly("test.csv");
    write("test.csv", "0,1");
    assertThat(dataset.files(location).orElseThrow().complete()).isTrue();
  }

  @Test
  void verify_readsAndReturnsTheFilesInOrder() throws IOException {
    write("train.csv", "0,1");
    write("test.csv", "0,1");
    DataLocation location = DataLocation.of(directory);
    assertThat(dataset.verify(location))
        .containsExactly(directory.resolve("train.csv"), directory.resolve("test.csv"));
    write("validation.csv", "0,1");
    assertThat(dataset.verify(location)).containsExactly(directory.resolve("train.csv"),
        directory.resolve("validation.csv"), directory.resolve("test.csv"));
    write("test.csv", "0,NaN");
    assertThatThrownBy(() -> dataset.verify(location)).isInstanceOf(DatasetException.class)
        .hasMessage(directory.resolve("test.csv") + ":1: NaN in input data (feature 1)");
  }

  @Test
  void load_writesNothing() throws IOException {
    write("train.csv", "0,1");
    write("test.csv", "0,1");
    load();
    try (var files = Files.list(directory)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void description_namesTheFiles() {
    assertThat(dataset.description())
        .isEqualTo("Your own data: train.csv and test.csv (label, then features) in the --data directory");
  }
}
