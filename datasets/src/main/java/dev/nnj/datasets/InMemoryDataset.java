package dev.nnj.datasets;

import java.util.Objects;

/**
 * A dataset whose examples are already in memory: made in code, generated, or read by the
 * caller's own means. {@link #load} returns them as they are and ignores the location, so such a
 * dataset can be bound by name and used wherever a dataset is, in Java and in JSON specs:
 *
 * <pre>{@code
 * DatasetsModule.datasetBinder(binder()).addBinding("xor")
 *     .toInstance(new InMemoryDataset("XOR, 400 points", new Splits(training, validation, test)));
 * }</pre>
 *
 * <p>Every run that loads it gets the same {@link Examples}, shared, not copied: like every
 * {@code Examples}, they stay immutable as long as nobody writes to their arrays.
 *
 * @param description one line for help texts
 * @param splits the training, validation and test examples
 */
public record InMemoryDataset(String description, Splits splits) implements Dataset {

  /** Requires both. */
  public InMemoryDataset {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(splits, "splits");
  }

  /** The examples given at construction; nothing is read, whatever {@code location} says. */
  @Override
  public Splits load(DataLocation location) {
    return splits;
  }
}
