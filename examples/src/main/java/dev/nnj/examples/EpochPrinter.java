package dev.nnj.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nnj.core.EpochResult;
import dev.nnj.core.TrainingListener;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training as it goes: a progress bar per epoch on a terminal (examples per second, time
 * left), one plain line per epoch otherwise (logs, pipes), one JSON object per line for scripts,
 * or nothing.
 */
final class EpochPrinter implements TrainingListener, AutoCloseable {

  /** How epochs are shown. */
  enum Mode { TERMINAL, PLAIN, JSON, QUIET }

  private final PrintWriter out;
  private final Mode mode;
  private final ObjectMapper mapper;
  private ProgressBar bar;

  EpochPrinter(PrintWriter out, Mode mode, ObjectMapper mapper) {
    this.out = out;
    this.mode = mode;
    this.mapper = mapper;
  }

  @Override
  public void batchFinished(int epoch, int examplesDone, int examplesTotal) {
    if (mode != Mode.TERMINAL) {
      return;
    }
    if (bar == null) {
      bar = new ProgressBarBuilder()
          .setTaskName("Epoch " + epoch)
          .setInitialMax(examplesTotal)
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" examples", 1)
          .showSpeed()
          .setUpdateIntervalMillis(200)
          .build();
    }
    bar.stepTo(examplesDone);
  }

  @Override
  public void epochFinished(EpochResult result) {
    close();
    switch (mode) {
      case TERMINAL, PLAIN -> out.println(String.format(Locale.ROOT, "Epoch %d: %d / %d (%.2f s)",
          result.epoch(), result.correct(), result.evaluated(), result.trainingSeconds()));
      case JSON -> out.println(json(result));
      case QUIET -> { }
    }
    out.flush();
  }

  private String json(EpochResult result) {
    try {
      return mapper.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
