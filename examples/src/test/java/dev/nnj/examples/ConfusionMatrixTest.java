package dev.nnj.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nnj.activations.Sigmoid;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkSpec;
import dev.nnj.datasets.Examples;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

  private static final String NL = System.lineSeparator();

  @Test
  void smallCase_countsCorrectTotalAndText_byHand() {
    ConfusionMatrix matrix = new ConfusionMatrix(3);
    // True 0: twice right, once taken for 2. True 1: right. True 2: twelve times taken for 1.
    matrix.add(0, 0);
    matrix.add(0, 0);
    matrix.add(0, 2);
    matrix.add(1, 1);
    for (int i = 0; i < 12; i++) {
      matrix.add(2, 1);
    }

    assertThat(matrix.count(0, 0)).isEqualTo(2);
    assertThat(matrix.count(0, 2)).isEqualTo(1);
    assertThat(matrix.count(2, 1)).isEqualTo(12);
    assertThat(matrix.count(1, 2)).isZero();
    assertThat(matrix.correct()).isEqualTo(3);
    assertThat(matrix.total()).isEqualTo(16);
    assertThat(matrix.accuracyLine("Test accuracy")).isEqualTo("Test accuracy: 3 / 16 (18.75 %)");
    assertThat(matrix.format()).isEqualTo(
        "true\\pred    0    1    2" + NL
            + "        0    2    0    1" + NL
            + "        1    0    1    0" + NL
            + "        2    0   12    0" + NL);
  }

  @Test
  void format_tenClasses_hasAlignedHeaderRowAndColumn() {
    ConfusionMatrix matrix = new ConfusionMatrix(10);
    matrix.add(7, 7);
    matrix.add(9, 4);

    List<String> lines = matrix.format().lines().toList();

    assertThat(lines).hasSize(11);
    assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
    assertThat(lines.get(0).split("\\s+")).containsExactly(
        "true\\pred", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(lines.get(10).split("\\s+"))
        .containsExactly("", "9", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0");
  }

  @Test
  void of_generatedData_countsAddUpAndDiagonalIsTheNetworksCorrectCount() {
    Examples data = generated(500, 6, 4, 7);
    Network network = Network.initialised(NetworkSpec.of(List.of(6, 5, 4), new Sigmoid()), 3);

    ConfusionMatrix matrix = ConfusionMatrix.of(network, data);

    assertThat(matrix.total()).isEqualTo(data.size());
    assertThat(matrix.correct()).isEqualTo(network.evaluate(data));
    for (int actual = 0; actual < 4; actual++) {
      int rowSum = 0;
      int labelled = 0;
      for (int predicted = 0; predicted < 4; predicted++) {
        rowSum += matrix.count(actual, predicted);
      }
      for (int i = 0; i < data.size(); i++) {
        labelled += data.label(i) == actual ? 1 : 0;
      }
      assertThat(rowSum).as("row %d", actual).isEqualTo(labelled);
    }
  }

  @Test
  void of_firstLayerThatDoesNotFitTheData_isRefusedInOneLine() {
    Examples data = generated(10, 6, 4, 1);
    Network network = Network.zeros(NetworkSpec.of(List.of(5, 4), new Sigmoid()));

    assertThatThrownBy(() -> ConfusionMatrix.of(network, data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the first layer size is 5 but the data has 6 features per example");
  }

  @Test
  void of_lastLayerThatDoesNotFitTheClasses_isRefused() {
    Examples data = generated(10, 6, 4, 1);
    Network network = Network.zeros(NetworkSpec.of(List.of(6, 3), new Sigmoid()));

    assertThatThrownBy(() -> ConfusionMatrix.of(network, data))
        .hasMessage("the last layer size is 3 but the data has 4 classes");
  }

  @Test
  void add_classOutOfRange_isRefused() {
    assertThatThrownBy(() -> new ConfusionMatrix(10).add(3, 10))
        .hasMessage("predicted class must be in [0, 10): 10");
  }

  /** Random features in [0, 1), random labels: the counts, not the accuracy, are under test. */
  private static Examples generated(int n, int features, int classes, long seed) {
    Random random = new Random(seed);
    float[] x = new float[n * features];
    int[] labels = new int[n];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(classes);
    }
    return new Examples(x, features, labels, classes);
  }
}
