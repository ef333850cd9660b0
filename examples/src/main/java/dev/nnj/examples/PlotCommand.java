package dev.nnj.examples;

import dev.nnj.core.AtomicFile;
import dev.nnj.core.EpochResult;
import dev.nnj.core.History;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnj plot HISTORY --out FILE.png}: a training run's accuracy and cost per epoch, as a PNG. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
        "Draws the history written by 'nnj train --history FILE' (JSON) as one PNG with two "
            + "charts side by side, like the figures of Nielsen's book: on the left the accuracy "
            + "(%%) per epoch, on the right the cost per epoch, each for the training and the "
            + "evaluation data as far as they were measured (see the experiment's "
            + "\"monitoring\"). A chart with nothing measured says so; a history with nothing "
            + "measured at all is refused."})
final class PlotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "HISTORY", description = "A history written as JSON by 'nnj train --history'.")
  Path historyFile;

  @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write.")
  Path outFile;

  @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "800",
      description = "The image's width, even, each chart taking half (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "600",
      description = "The image's height (default: ${DEFAULT-VALUE}).")
  int height;

  @Override
  public Integer call() {
    validateOptions();
    History history = read(historyFile);
    List<EpochResult> epochs = history.epochs();
    XYChart accuracy = chart("Accuracy", "accuracy (%)");
    addSeries(accuracy, "training data", epochs, e -> 100 * e.trainingAccuracy());
    addSeries(accuracy, "evaluation data", epochs, e -> 100 * e.evaluationAccuracy());
    XYChart cost = chart("Cost", "cost");
    addSeries(cost, "training data", epochs, EpochResult::trainingCost);
    addSeries(cost, "evaluation data", epochs, EpochResult::evaluationCost);
    if (accuracy.getSeriesMap().isEmpty() && cost.getSeriesMap().isEmpty()) {
      throw new IllegalArgumentException(historyFile + ": nothing to plot: no epoch has a "
          + "measured accuracy or cost");
    }
    for (XYChart chart : List.of(accuracy, cost)) {
      if (chart.getSeriesMap().isEmpty()) {
        chart.setTitle(chart.getTitle() + " (not measured)");
        // XChart cannot draw axes without a series; an invisible one keeps the frame.
        chart.addSeries(" ", new double[] {0}, new double[] {0}).setEnabled(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
      }
    }
    write(List.of(accuracy, cost));
    return 0;
  }

  /** Refuses bad sizes and an output that cannot be written, before anything is read or drawn. */
  private void validateOptions() {
    List<String> problems = new ArrayList<>();
    if (width < 200 || width % 2 != 0) {
      problems.add("--width must be an even number of pixels, at least 200: " + width);
    }
    if (height < 100) {
      problems.add("--height must be at least 100 pixels: " + height);
    }
    String unwritable = Outputs.unwritable(outFile);
    if (unwritable != null) {
      problems.add(unwritable);
    }
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", problems));
    }
  }

  private static History read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": cannot read: no such file");
    }
    try {
      return History.readJson(file);
    } catch (UncheckedIOException e) {
      // Jackson's messages go on with the source excerpt on further lines; the first says what.
      throw new UncheckedIOException(e.getMessage().lines().findFirst().orElse(""), e.getCause());
    }
  }

  private XYChart chart(String title, String yAxis) {
    XYChart chart = new XYChartBuilder().width(width / 2).height(height)
        .title(title + " per epoch").xAxisTitle("epoch").yAxisTitle(yAxis).build();
    // Below the plot, where it cannot hide a curve.
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setMarkerSize(5);
    return chart;
  }

  /** Adds {@code figure} as a series over the epochs where it was measured (not NaN), if any. */
  private static void addSeries(XYChart chart, String name, List<EpochResult> epochs,
      ToDoubleFunction<EpochResult> figure) {
    List<EpochResult> measured = epochs.stream()
        .filter(e -> !Double.isNaN(figure.applyAsDouble(e)))
        .toList();
    if (measured.isEmpty()) {
      return;
    }
    double[] x = measured.stream().mapToDouble(EpochResult::epoch).toArray();
    double[] y = measured.stream().mapToDouble(figure).toArray();
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
  }

  /** Writes the charts side by side to {@link #outFile}, atomically (see {@link AtomicFile}). */
  private void write(List<XYChart> charts) {
    try {
      AtomicFile.write(outFile, out -> BitmapEncoder.saveBitmap(charts, 1, charts.size(), out,
          BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outFile + ": " + e.getMessage(), e);
    }
  }
}
