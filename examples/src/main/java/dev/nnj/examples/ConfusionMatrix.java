package dev.nnj.examples;

import dev.nnj.core.Network;
import dev.nnj.datasets.Examples;
import java.util.Locale;

/**
 * How often each true class was predicted as each class: row = true class, column = predicted.
 * The diagonal holds the correct predictions.
 *
 * <p>Mutable while counting ({@link #add}); not thread-safe.
 */
public final class ConfusionMatrix {

  private final int[][] counts;

  /** An empty matrix for {@code classes} classes. */
  public ConfusionMatrix(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1: " + classes);
    }
    this.counts = new int[classes][classes];
  }

  /**
   * Runs {@code network} on every example of {@code data} and counts its predictions.
   *
   * @throws IllegalArgumentException if the network's first layer does not take the data's
   *     features, or its last layer does not have one neuron per class
   */
  public static ConfusionMatrix of(Network network, Examples data) {
    network.checkShapeMatches(data);
    int inputs = network.spec().inputSize();
    ConfusionMatrix matrix = new ConfusionMatrix(data.classCount());
    double[] x = new double[inputs];
    for (int i = 0; i < data.size(); i++) {
      data.copyFeatures(i, x, 0);
      matrix.add(data.label(i), network.predict(x));
    }
    return matrix;
  }

  /** Counts one example of class {@code actual} predicted as {@code predicted}. */
  public void add(int actual, int predicted) {
    counts[checkClass("actual", actual)][checkClass("predicted", predicted)]++;
  }

  /** The number of examples of class {@code actual} predicted as {@code predicted}. */
  public int count(int actual, int predicted) {
    return counts[checkClass("actual", actual)][checkClass("predicted", predicted)];
  }

  /** The number of classes: rows and columns. */
  public int classes() {
    return counts.length;
  }

  /** The correct predictions: the sum of the diagonal. */
  public int correct() {
    int correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return correct;
  }

  /** Every counted example. */
  public int total() {
    int total = 0;
    for (int[] row : counts) {
      for (int count : row) {
        total += count;
      }
    }
    return total;
  }

  /** {@code "Test accuracy: 9507 / 10000 (95.07 %)"} with the given label in front of the colon. */
  public String accuracyLine(String label) {
    double percent = total() == 0 ? 0.0 : 100.0 * correct() / total();
    return String.format(Locale.ROOT, "%s: %d / %d (%.2f %%)", label, correct(), total(), percent);
  }

  /**
   * The matrix as right-aligned text, one line per true class under a header of predicted classes:
   *
   * <pre>{@code
   * true\pred   0   1
   *         0   5   1
   *         1   0   3
   * }</pre>
   */
  public String format() {
    String corner = "true\\pred";
    int width = String.valueOf(counts.length - 1).length();
    for (int[] row : counts) {
      for (int count : row) {
        width = Math.max(width, String.valueOf(count).length());
      }
    }
    String cell = " %" + (width + 2) + "d";
    StringBuilder text = new StringBuilder(corner);
    for (int predicted = 0; predicted < counts.length; predicted++) {
      text.append(String.format(Locale.ROOT, cell, predicted));
    }
    text.append(System.lineSeparator());
    for (int actual = 0; actual < counts.length; actual++) {
      text.append(String.format(Locale.ROOT, "%" + corner.length() + "d", actual));
      for (int count : counts[actual]) {
        text.append(String.format(Locale.ROOT, cell, count));
      }
      text.append(System.lineSeparator());
    }
    return text.toString();
  }

  private int checkClass(String name, int c) {
    if (c < 0 || c >= counts.length) {
      throw new IllegalArgumentException(name + " class must be in [0, " + counts.length + "): " + c);
    }
    return c;
  }
}
