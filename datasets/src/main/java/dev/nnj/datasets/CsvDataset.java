package dev.nnj.datasets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user's own data, as CSV files in the location's directory ({@code --data DIR}):
 * {@code train.csv} and {@code test.csv}, and optionally {@code validation.csv}. Each row is a label,
 * an integer class {@code 0 … K−1}, then the features as numbers:
 * <pre>{@code
 * label,x,y
 * 0,0.12,3.5
 * 1,-0.4,1e-3
 * }</pre>
 *
 * <p>The class count {@code K} is the largest label in any of the files plus one. Every row of every
 * file has the feature count of the first row of {@code train.csv}. Without {@code validation.csv}
 * the validation split is empty (zero examples), so train with the default
 * {@code "evaluateOn": "test"}. The format details (header, comments, blank lines) are in
 * {@link CsvFile}.
 *
 * <p>The files are read from {@code dir} when it is given — in JSON
 * {@code {"type": "csv", "dir": "data/iris"}}, a relative directory resolved against the working
 * directory — and otherwise from the location's directory ({@code --data DIR}, or the default
 * {@code ~/.cache/nnj/csv}).
 *
 * <p>Nothing is fetched or written: the files are read line by line, each split into one
 * {@code float[]}. Immutable and thread-safe.
 *
 * @param dir the directory of the CSV files, or null for the location's directory
 */
public record CsvDataset(String dir) implements Dataset {
  static final String TRAINING_FILE = "train.csv";
  static final String VALIDATION_FILE = "validation.csv";
  static final String TEST_FILE = "test.csv";

  /** Refuses a blank directory, which would silently mean the working directory. */
  public CsvDataset {
    if (dir != null && dir.isBlank()) {
      throw new IllegalArgumentException("dir must not be blank; leave it out to use --data");
    }
  }

  /** Reads from the location's directory: the dataset bound as {@code "csv"}. */
  public CsvDataset() {
    this(null);
  }

  private Path directory(DataLocation location) {
    return dir == null ? location.directory() : Path.of(dir);
  }

  @Override
  public Splits load(DataLocation location) {
    Path directory = directory(location);
    CsvFile training = CsvFile.read(required(directory, TRAINING_FILE), null);
    Path validationPath = directory.resolve(VALIDATION_FILE);
    DataPath.checkUsableOrAbsent(validationPath); // optional, but not a directory in its place
    Optional<CsvFile> validation = Optional.of(validationPath)
        .filter(Files::isRegularFile)
        .map(path -> CsvFile.read(path, training));
    CsvFile test = CsvFile.read(required(directory, TEST_FILE), training);
    int classCount = 1 + Stream.concat(Stream.of(training, test), validation.stream())
        .mapToInt(file -> file.maxLabel).max().orElseThrow();
    return new Splits(
        training.examples(classCount),
        validation.map(file -> file.examples(classCount))
            .orElseGet(() -> new Examples(new float[0], training.featureCount, new int[0], classCount)),
        test.examples(classCount));
  }

  private static Path required(Path directory, String name) {
    Path path = directory.resolve(name);
    DataPath.checkUsableOrAbsent(path);
    if (!Files.isRegularFile(path)) {
      throw new DatasetException(name + " not found in " + directory
          + ": put your data there as label,feature,feature,…");
    }
    return path;
  }

  /** The directory, missing {@code train.csv} or {@code test.csv} if absent ({@code validation.csv} is optional). */
  @Override
  public Optional<DatasetFiles> files(DataLocation location) {
    List<String> missing = Stream.of(TRAINING_FILE, TEST_FILE)
        .filter(name -> !Files.isRegularFile(directory(location).resolve(name)))
        .toList();
    return Optional.of(new DatasetFiles(directory(location), missing));
  }

  /** Loads the files as {@link #load} does and returns those read: train, validation if present, test. */
  @Override
  public List<Path> verify(DataLocation location) {
    load(location);
    Path directory = directory(location);
    List<Path> read = new ArrayList<>();
    read.add(directory.resolve(TRAINING_FILE));
    if (Files.isRegularFile(directory.resolve(VALIDATION_FILE))) {
      read.add(directory.resolve(VALIDATION_FILE));
    }
    read.add(directory.resolve(TEST_FILE));
    return read;
  }

  @Override
  public String description() {
    return "Your own data: train.csv and test.csv (label, then features) in the --data directory"
        + (dir == null ? "" : " or " + dir);
  }
}
