package dev.nnj.core;

/**
 * What a layer built for one input shape will hold, counted in numbers before it is built, so
 * that a network that cannot fit in memory is refused before anything is allocated (see
 * {@link MemoryEstimate}). Counts are of 8-byte values; a smaller value (an {@code int} index)
 * counts as its share of one.
 *
 * @param parameters its parameters; in training each also has a gradient, a copy for the best
 *     epoch and the optimizer's state beside it
 * @param perPass what each of its workspaces holds whatever the mini-batch size (the parameters'
 *     gradient blocks, scratch rows)
 * @param backward what a workspace adds once it runs backward (weights rearranged for the error
 *     passed back); nothing for the first layer, which passes no error back
 * @param perExample what a workspace holds per example of its capacity (weighted inputs, outputs)
 */
public record LayerMemory(long parameters, long perPass, long backward, long perExample) {

  /** Refuses a negative count. */
  public LayerMemory {
    if (parameters < 0 || perPass < 0 || backward < 0 || perExample < 0) {
      throw new IllegalArgumentException("memory counts must be >= 0: " + parameters + ", "
          + perPass + ", " + backward + ", " + perExample);
    }
  }

  /** A layer without parameters that keeps {@code perExample} numbers per example. */
  public static LayerMemory perExample(long perExample) {
    return new LayerMemory(0, 0, 0, perExample);
  }
}
