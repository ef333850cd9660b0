/**
 * Experiments as library code: {@link dev.nnj.experiments.NnjModule} installs every built-in
 * family, {@link dev.nnj.experiments.Registry} finds any bound part by name and makes the JSON
 * mapper that reads and writes parts by those names, {@link dev.nnj.experiments.ExperimentSpec}
 * is a whole experiment as one value (the JSON files under {@code examples/experiments/}),
 * {@link dev.nnj.experiments.Experiment} runs one, and
 * {@link dev.nnj.experiments.CheckpointDirectory} keeps a run's checkpoints.
 *
 * <p>Depend on {@code nnj-experiments} to read and run specs without the command line; the
 * command line ({@code nnj-examples}) uses these classes like any consumer.
 */
package dev.nnj.experiments;
