package dev.nnj.core;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the learning rate changes from epoch to epoch, and when it ends training.
 *
 * <p>A schedule is an immutable value; {@link #start} creates the per-run {@link State}. Add your
 * own with {@link CoreModule#scheduleBinder}. In JSON:
 * {@code {"type": "halve-on-plateau", "patience": 10, "stopRatio": 128}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Schedule {

  /** The state of one training run that starts at {@code initialLearningRate}. */
  State start(double initialLearningRate);

  /** The learning rate of one run, told how each epoch went. Not thread-safe. */
  interface State {

    /** The learning rate for the coming epoch. */
    double learningRate();

    /**
     * Records the finished epoch's accuracy on the evaluation data (NaN without it).
     *
     * @return whether training should go on
     */
    boolean epochFinished(int epoch, double evaluationAccuracy);
  }
}
