package dev.nnj.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One CSV file of labelled rows ({@code label,feature,feature,…}), read whole into a row-major
 * {@code float[]} and an {@code int[]}: no object per row.
 *
 * <p>Blank lines and lines starting with {@code #} are skipped, and so is a header: the first
 * other line, when its first field is not a number. A first field that is a number but not a
 * class ({@code 1.5}, {@code -1}) is an error, not a header, so no data row is ever dropped
 * silently. Fields are separated by commas, without quoting; spaces around a field are ignored.
 */
final class CsvFile {
  /** Java's practical limit on an array's length. */
  private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
  /** The longest field quoted in a message, so one bad line cannot flood the terminal. */
  private static final int MAX_QUOTED = 40;

  final Path path;
  final int featureCount;
  /** The line of the first data row, which set {@link #featureCount}. */
  final int firstRowLine;
  final int maxLabel;
  private final float[] features;
  private final int[] labels;

  private CsvFile(Path path, int featureCount, int firstRowLine, float[] features, int[] labels) {
    this.path = path;
    this.featureCount = featureCount;
    this.firstRowLine = firstRowLine;
    this.features = features;
    this.labels = labels;
    this.maxLabel = Arrays.stream(labels).max().orElse(-1);
  }

  /**
   * Reads {@code path}, whose rows must all have the feature count of the first row of
   * {@code shapeFrom} (or, when it is null, of this file's own first row).
   *
   * @throws DatasetException naming {@code path} and the line, when a row is malformed or the
   *     file has no data rows
   */
  static CsvFile read(Path path, CsvFile shapeFrom) {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return new Parser(path, shapeFrom).parse(reader);
    } catch (CharacterCodingException e) {
      throw new DatasetException(path + ": is not UTF-8 text", e);
    } catch (IOException e) {
      throw new DatasetException(path + ": cannot be read: " + e, e);
    }
  }

  /** The rows as examples; {@code classCount} must exceed every label. */
  Examples examples(int classCount) {
    return new Examples(features, featureCount, labels, classCount);
  }

  /** The parse in progress: the growable buffers and where in the file it is. */
  private static final class Parser {
    private final Path path;
    private final CsvFile shapeFrom;
    private float[] features = new float[1024];
    private int featureLength;
    private int[] labels = new int[64];
    private int rowCount;
    private int featureCount;
    private int firstRowLine;
    private int lineNumber;

    Parser(Path path, CsvFile shapeFrom) {
      this.path = path;
      this.shapeFrom = shapeFrom;
      if (shapeFrom != null) {
        this.featureCount = shapeFrom.featureCount;
      }
    }

    CsvFile parse(BufferedReader reader) throws IOException {
      boolean headerPossible = true;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte order mark, as spreadsheets write
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int comma = line.indexOf(',');
        String labelField = (comma < 0 ? line : line.substring(0, comma)).strip();
        if (headerPossible && !isNumber(labelField)) {
          headerPossible = false;
          continue;
        }
        headerPossible = false;
        addRow(line, comma, labelField);
      }
      if (rowCount == 0) {
        throw new DatasetException(path + ": no data rows (only blank, comment or header lines)");
      }
      return new CsvFile(path, featureCount, firstRowLine,
          Arrays.copyOf(features, featureLength), Arrays.copyOf(labels, rowCount));
    }

    private void addRow(String line, int firstComma, String labelField) {
      int label = label(labelField, line);
      int count = firstComma < 0 ? 0 : countCommas(line, firstComma);
      if (count == 0) {
        throw error("no features after the label: " + quote(line));
      }
      if (featureCount == 0) {
        featureCount = count;
      }
      if (rowCount == 0) {
        firstRowLine = lineNumber;
      }
      if (count != featureCount) {
        throw error(count + " features, but the first row (" + firstRowPlace() + ") has " + featureCount);
      }
      ensureCapacity(count);
      int start = firstComma + 1;
      for (int k = 1; k <= count; k++) {
        int end = line.indexOf(',', start);
        features[featureLength++] = feature(line.substring(start, end < 0 ? line.length() : end), k);
        start = end + 1;
      }
      if (rowCount == labels.length) {
        labels = Arrays.copyOf(labels, labels.length * 2);
      }
      labels[rowCount++] = label;
    }

    private String firstRowPlace() {
      return shapeFrom != null ? shapeFrom.path + ":" + shapeFrom.firstRowLine
          : path + ":" + firstRowLine;
    }

    private int label(String field, String line) {
      int label;
      try {
        label = Integer.parseInt(field);
      } catch (NumberFormatException e) {
        String hint = field.contains(";") || field.contains("\t") ? " (the separator is a comma)" : "";
        throw error("the label (first column) must be a class number 0, 1, 2, …: " + quote(field) + hint);
      }
      if (label < 0) {
        throw error("the label (first column) must be a class number 0, 1, 2, …: " + label);
      }
      return label;
    }

    private float feature(String field, int k) {
      double value;
      try {
        value = Double.parseDouble(field);
      } catch (NumberFormatException e) {
        String word = field.strip().toLowerCase(java.util.Locale.ROOT);
        if (word.equals("nan")) { // as pandas and numpy write it, which Java does not parse
          value = Double.NaN;
        } else if (word.matches("[+-]?inf(inity)?")) {
          value = Double.POSITIVE_INFINITY;
        } else {
          throw error("feature " + k + " is not a number: " + quote(field.strip()));
        }
      }
      if (Double.isNaN(value)) {
        throw error("NaN in input data (feature " + k + ")");
      }
      if (Double.isInfinite(value)) {
        throw error("infinite value in input data (feature " + k + "): " + field.strip());
      }
      if (Float.isInfinite((float) value)) {
        throw error("feature " + k + " is beyond float range (±3.4e38): " + field.strip());
      }
      return (float) value;
    }

    private void ensureCapacity(int more) {
      long needed = (long) featureLength + more;
      if (needed > MAX_ARRAY_LENGTH) {
        throw error("too many values: a split is held in one array of at most "
            + MAX_ARRAY_LENGTH + " features");
      }
      if (needed > features.length) {
        long grown = Math.max(needed, 2L * features.length);
        features = Arrays.copyOf(features, (int) Math.min(grown, MAX_ARRAY_LENGTH));
      }
    }

    private DatasetException error(String problem) {
      return new DatasetException(path + ":" + lineNumber + ": " + problem);
    }
  }

  private static boolean isNumber(String field) {
    try {
      Double.parseDouble(field);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int countCommas(String line, int from) {
    int count = 0;
    for (int i = from; i >= 0; i = line.indexOf(',', i + 1)) {
      count++;
    }
    return count;
  }

  private static String quote(String field) {
    String shown = field.length() <= MAX_QUOTED ? field : field.substring(0, MAX_QUOTED) + "…";
    return "'" + shown + "'";
  }
}
