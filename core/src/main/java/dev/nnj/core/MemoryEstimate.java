package dev.nnj.core;

import dev.nnj.datasets.Shape;
import java.util.List;
import java.util.Locale;

/**
 * The memory a network, its training or its inference will take, estimated from the declared
 * sizes before anything is allocated, so that what cannot fit is refused in one line naming
 * the size and the limit instead of ending in an {@link OutOfMemoryError} after minutes of
 * growing.
 *
 * <p>The estimate is a lower bound: it counts the arrays of numbers the work will surely hold at
 * once (parameters, gradients, the best epoch's copy, the optimizer's state, the workspaces for
 * the mini-batch and for evaluation, as each layer's {@link Layer#memory} declares them) and
 * leaves out object headers, the data and whatever a listener keeps. So a refusal is never
 * mistaken; a run it lets through may still run out, near the limit. Sums that would overflow a
 * {@code long} stay at {@link Long#MAX_VALUE}.
 */
public final class MemoryEstimate {

  /** The longest Java array HotSpot allocates. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  private static final int SHOWN_SIZES = 8;

  private final String what;
  private final long bytes;
  private final long parameters;
  /** Why one array of the work would be longer than Java allows, or null. */
  private final String tooLong;

  private MemoryEstimate(String what, long values, long parameters, String tooLong) {
    this.what = what;
    this.bytes = times(values, Double.BYTES);
    this.parameters = parameters;
    this.tooLong = tooLong;
  }

  /** What building {@code network} allocates: its parameters. */
  public static MemoryEstimate ofNetwork(NetworkSpec network) {
    long parameters = parameters(network);
    return new MemoryEstimate("the network " + describe(network), parameters, parameters, null);
  }

  /**
   * Training {@code network} in mini-batches of up to {@code batchCapacity} examples, measured
   * {@code evaluationRows} examples at a time (0 if never), with an optimizer keeping
   * {@code stateValues} numbers per parameter.
   */
  public static MemoryEstimate ofTraining(NetworkSpec network, int batchCapacity,
      int evaluationRows, int stateValues) {
    long parameters = parameters(network);
    // The parameters, the best epoch's copy and the optimizer's state; the gradients are the
    // training workspace's.
    long values = times(parameters, 2 + stateValues);
    values = plus(values, workspaces(network, batchCapacity, true));
    if (evaluationRows > 0) {
      values = plus(values, workspaces(network, evaluationRows, false));
    }
    return new MemoryEstimate("training the network " + describe(network) + " in mini-batches of "
        + batchCapacity, values, parameters,
        tooLong(network, Math.max(batchCapacity, evaluationRows)));
  }

  /** Running {@code network} forward on {@code rows} examples at once, the network included. */
  public static MemoryEstimate ofInference(NetworkSpec network, int rows) {
    long parameters = parameters(network);
    return new MemoryEstimate("the network " + describe(network), plus(parameters,
        workspaces(network, rows, false)), parameters, tooLong(network, rows));
  }

  /** The estimate in bytes. */
  public long bytes() {
    return bytes;
  }

  /** Refuses an estimate above this JVM's maximum heap ({@code -Xmx}). */
  public void requireFits() {
    requireAtMost(Runtime.getRuntime().maxMemory());
  }

  /**
   * Refuses an estimate above {@code limit} bytes, and work with an array longer than Java
   * allows (which would overflow an {@code int} length) whatever the limit.
   *
   * @throws IllegalArgumentException naming what, its size and the limit, or the array
   */
  public void requireAtMost(long limit) {
    if (bytes > limit) {
      throw new IllegalArgumentException(what + " needs at least " + binaryUnits(bytes) + " of memory ("
          + count(parameters) + " parameters), more than this JVM's maximum heap of "
          + binaryUnits(limit) + " (-Xmx); choose smaller layers or mini-batches, or give Java more memory");
    }
    if (tooLong != null) {
      throw new IllegalArgumentException(tooLong);
    }
  }

  @Override
  public String toString() {
    return what + ": at least " + binaryUnits(bytes);
  }

  private static long parameters(NetworkSpec network) {
    long sum = 0;
    Shape shape = network.input();
    for (Layer layer : network.layers()) {
      sum = plus(sum, layer.memory(shape).parameters());
      shape = layer.outputShape(shape);
    }
    return sum;
  }

  /**
   * The workspaces of every layer for {@code capacity} examples, with backpropagation's error of
   * each layer's output and the one-hot desired outputs when {@code training}.
   */
  private static long workspaces(NetworkSpec network, int capacity, boolean training) {
    long sum = 0;
    Shape shape = network.input();
    List<Layer> layers = network.layers();
    if (!(layers.get(0) instanceof Dense)) {
      sum = plus(sum, times(capacity, shape.size())); // the inputs as dense rows
    }
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      LayerMemory memory = layer.memory(shape);
      Shape output = layer.outputShape(shape);
      sum = plus(sum, plus(memory.perPass(), times(capacity, memory.perExample())));
      if (training) {
        sum = plus(sum, times(capacity, output.size())); // ∂C/∂output
        if (l > 0) {
          sum = plus(sum, memory.backward());
        }
      }
      shape = output;
    }
    return training ? plus(sum, times(capacity, shape.size())) : sum;
  }

  /**
   * Why a workspace of {@code rows} examples would need an array longer than Java allows (each
   * layer keeps its outputs for all rows in one array), or null.
   */
  private static String tooLong(NetworkSpec network, int rows) {
    Shape shape = network.input();
    List<Layer> layers = network.layers();
    for (int l = 0; l < layers.size(); l++) {
      shape = layers.get(l).outputShape(shape);
      long length = (long) rows * shape.size();
      if (length > MAX_ARRAY) {
        return String.format(Locale.ROOT, "%,d examples × %,d outputs of layer %d make %,d "
            + "numbers, more than one Java array holds (%,d); choose smaller layers or "
            + "mini-batches", rows, shape.size(), l + 1, length, MAX_ARRAY);
      }
    }
    return null;
  }

  /**
   * {@code [784, 30, 10]}, or for a long stack its first and last sizes and its depth:
   * {@code [784, 10, 10, …, 10] (20002 layers)}.
   */
  static String describe(NetworkSpec network) {
    List<Integer> sizes = network.sizes();
    if (sizes.size() <= SHOWN_SIZES) {
      return sizes.toString();
    }
    return "[" + sizes.subList(0, 3).toString().replaceAll("[\\[\\]]", "") + ", …, "
        + sizes.get(sizes.size() - 1) + "] (" + network.layers().size() + " layers)";
  }

  /** {@code 1.5 GiB}, in powers of 1024 as {@code -Xmx} counts. */
  public static String binaryUnits(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "more than 8 EiB";
    }
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** {@code 78.4 million}, {@code 1.2 billion}, or the number itself below a million. */
  private static String count(long n) {
    if (n >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f billion", n / 1e9);
    }
    if (n >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1f million", n / 1e6);
    }
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static long plus(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum; // both are >= 0: a negative sum overflowed
  }

  private static long times(long a, long b) {
    return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }
}
