package dev.nnj.datasets;

import static dev.nnj.datasets.IdxFixtures.gzip;
import static dev.nnj.datasets.IdxFixtures.idx;
import static dev.nnj.datasets.IdxFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * IdxReader's contract on any input: it returns the file's exact content or throws a
 * {@link DatasetException} whose message is one line starting with the file's name, and it never
 * allocates much more than the input justifies.
 */
class IdxReaderPropertiesTest {
  private static final String NAME = "property-idx-ubyte";

  /**
   * Generous bound on what one read may allocate beyond the data it returns: the 1 MiB first gzip
   * buffer, the inflater's and stream buffers, an exception. A reader that trusted a header's
   * declared size would allocate at least {@link #HUGE} bytes, 32 times this.
   */
  private static final long ALLOCATION_SLACK = 8L << 20;

  /** The smallest declared size the allocation property uses: 256 MiB. */
  private static final long HUGE = 1L << 28;

  private static Path directory;

  @BeforeContainer
  static void createDirectory() throws IOException {
    directory = Files.createTempDirectory("idx-properties");
  }

  @AfterContainer
  static void deleteDirectory() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  @Property(tries = 300, seed = "20261126")
  void read_arbitraryBytes_returnsTheFileOrRefusesInOneLine(
      @ForAll @Size(max = 4096) byte[] bytes, @ForAll boolean withMagic, @ForAll boolean gzipped) {
    // Without a valid magic prefix almost every array fails on its first bytes.
    byte[] content = withMagic ? withIdxMagic(bytes) : bytes;
    readOrRefuse(gzipped ? gzip(content) : content, content);
  }

  @Property(tries = 300, seed = "20261126")
  void read_validFile_readsBackExactly(@ForAll("validFiles") byte[] file, @ForAll boolean gzipped) {
    IdxArray array = IdxReader.read(write(gzipped ? gzip(file) : file));

    assertThat(idx(array.dimensions(), array.data())).isEqualTo(file);
    assertThat(array.sha256()).isEqualTo(sha256(file));
  }

  @Property(tries = 300, seed = "20261126")
  void read_mutatedValidFile_returnsTheFileOrRefusesInOneLine(
      @ForAll("validFiles") byte[] file,
      @ForAll @Size(min = 1, max = 3) List<@From("mutations") Mutation> mutations,
      @ForAll boolean gzipped,
      @ForAll boolean mutateAfterGzip) {
    if (gzipped && mutateAfterGzip) {
      // Corrupts the gzip stream itself: header, deflate blocks, CRC or length.
      byte[] compressed = gzip(file);
      for (Mutation mutation : mutations) {
        compressed = mutation.applyTo(compressed);
      }
      readOrRefuse(compressed, null);
      return;
    }
    byte[] content = file;
    for (Mutation mutation : mutations) {
      content = mutation.applyTo(content);
    }
    readOrRefuse(gzipped ? gzip(content) : content, content);
  }

  /**
   * A header declaring 256 MiB to 2 GiB over a few bytes of data must be refused, raw or gzipped,
   * without allocating the declared size. Allocation is measured with the thread's own allocation
   * counter rather than {@code Runtime.totalMemory()}: the counter is exact and independent of
   * when the collector runs or the heap resizes, while {@code totalMemory()} can grow for reasons
   * of its own (and does not grow at all when a too-large allocation fails), so a bound on it
   * would be flaky in both directions. No timing is asserted.
   */
  @Property(tries = 200, seed = "20261126")
  void read_hugeDeclaredSizeInTinyFile_refusedWithoutAllocatingIt(
      @ForAll("hugeShapes") int[] dimensions,
      @ForAll @Size(max = 64) byte[] data,
      @ForAll boolean gzipped) {
    byte[] content = idx(dimensions, data);
    Path file = write(gzipped ? gzip(content) : content);
    long before = allocatedBytes();

    assertThatThrownBy(() -> IdxReader.read(file))
        .isInstanceOf(DatasetException.class)
        .hasMessageStartingWith(NAME + ": ")
        .hasMessageMatching("[^\\n\\r]*(truncated|overflow)[^\\n\\r]*");

    assertThat(allocatedBytes() - before).isLessThan(ALLOCATION_SLACK);
  }

  /**
   * Reads {@code bytes}; a result must be exactly {@code content} (the uncompressed bytes, null
   * when unknown), a refusal a one-line DatasetException naming the file. Any other exception
   * escapes and fails the property with the input that caused it.
   */
  private static void readOrRefuse(byte[] bytes, byte[] content) {
    Path file = write(bytes);
    long before = allocatedBytes();
    try {
      IdxArray array = IdxReader.read(file);
      int[] dimensions = array.dimensions();
      assertThat(dimensions.length).isBetween(1, 4);
      assertThat(Arrays.stream(dimensions).asLongStream().reduce(1, (a, b) -> a * b))
          .isEqualTo(array.data().length);
      if (content != null) {
        assertThat(idx(dimensions, array.data())).isEqualTo(content);
        assertThat(array.sha256()).isEqualTo(sha256(content));
      }
    } catch (DatasetException e) {
      assertThat(e.getMessage()).startsWith(NAME + ": ").doesNotContain("\n", "\r");
    }
    long justified = content == null ? 0 : 2L * content.length;
    assertThat(allocatedBytes() - before).isLessThan(ALLOCATION_SLACK + justified);
  }

  @Provide
  Arbitrary<byte[]> validFiles() {
    Arbitrary<int[]> shapes = Arbitraries.integers().between(1, 5).array(int[].class).ofMinSize(1).ofMaxSize(4);
    return shapes.flatMap(dimensions -> {
      int size = Arrays.stream(dimensions).reduce(1, (a, b) -> a * b);
      return Arbitraries.bytes().array(byte[].class).ofSize(size).map(data -> idx(dimensions, data));
    });
  }

  /** Shapes with 2^28 ≤ product ≤ Integer.MAX_VALUE − 8, all dimensions positive. */
  @Provide
  Arbitrary<int[]> hugeShapes() {
    Arbitrary<int[]> single = Arbitraries.integers().between((int) HUGE, Integer.MAX_VALUE - 8)
        .map(d -> new int[] {d});
    Arbitrary<int[]> product = Combinators.combine(
            Arbitraries.integers().between(1 << 14, 1 << 15),
            Arbitraries.integers().between(1 << 14, 1 << 15))
        .as((rows, columns) -> new int[] {rows, columns});
    Arbitrary<int[]> mnistLike = Arbitraries.integers().between(343_000, 2_700_000)
        .map(count -> new int[] {count, 28, 28});
    return Arbitraries.oneOf(single, product, mnistLike);
  }

  /** A change to a file's bytes; positions are taken modulo the file's length. */
  sealed interface Mutation permits SetByte, Truncate, Append, SetDimension {
    byte[] applyTo(byte[] bytes);
  }

  /** Sets one byte, most often in the 4-byte magic or the first dimensions. */
  record SetByte(int position, byte value) implements Mutation {
    @Override public byte[] applyTo(byte[] bytes) {
      byte[] changed = bytes.clone();
      if (changed.length > 0) {
        changed[position % changed.length] = value;
      }
      return changed;
    }
  }

  /** Keeps only the first {@code length} bytes. */
  record Truncate(int length) implements Mutation {
    @Override public byte[] applyTo(byte[] bytes) {
      return Arrays.copyOf(bytes, length % (bytes.length + 1));
    }
  }

  /** Appends bytes at the end. */
  record Append(List<Byte> extra) implements Mutation {
    @Override public byte[] applyTo(byte[] bytes) {
      byte[] changed = Arrays.copyOf(bytes, bytes.length + extra.size());
      for (int i = 0; i < extra.size(); i++) {
        changed[bytes.length + i] = extra.get(i);
      }
      return changed;
    }

    @Override public String toString() {
      byte[] shown = new byte[extra.size()];
      for (int i = 0; i < shown.length; i++) {
        shown[i] = extra.get(i);
      }
      return "Append[" + HexFormat.of().formatHex(shown) + "]";
    }
  }

  /** Overwrites the big-endian 32-bit dimension {@code index} (modulo 4) of the header. */
  record SetDimension(int index, int value) implements Mutation {
    @Override public byte[] applyTo(byte[] bytes) {
      int offset = 4 + 4 * (index % 4);
      if (bytes.length < offset + 4) {
        return bytes;
      }
      byte[] changed = bytes.clone();
      ByteBuffer.wrap(changed).putInt(offset, value);
      return changed;
    }

    @Override public String toString() {
      return String.format("SetDimension[index=%d, value=0x%08x]", index % 4, value);
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<Integer> headerPosition = Arbitraries.integers().between(0, 19);
    Arbitrary<Integer> anyPosition = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Mutation> setByte = Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(3, headerPosition), Tuple.of(1, anyPosition)),
            Arbitraries.bytes())
        .as(SetByte::new);
    Arbitrary<Mutation> truncate = anyPosition.map(Truncate::new);
    Arbitrary<Mutation> append = Arbitraries.bytes().list().ofMinSize(1).ofMaxSize(16).map(Append::new);
    Arbitrary<Integer> dimensionValues = Arbitraries.oneOf(
        Arbitraries.of(0x7fffffff, 0x40000000, 0x7ffffff8, 0x7ffffff7, 0x10000, 0, -1,
            Integer.MIN_VALUE, 1, 2, 784, 60_000),
        Arbitraries.integers());
    Arbitrary<Mutation> setDimension = Combinators.combine(
            Arbitraries.integers().between(0, 3), dimensionValues)
        .as(SetDimension::new);
    return Arbitraries.oneOf(setByte, truncate, append, setDimension);
  }

  private static byte[] withIdxMagic(byte[] bytes) {
    byte[] file = new byte[4 + bytes.length];
    file[2] = 0x08;
    file[3] = (byte) (1 + (bytes.length % 4));
    System.arraycopy(bytes, 0, file, 4, bytes.length);
    return file;
  }

  private static Path write(byte[] bytes) {
    try {
      return Files.write(directory.resolve(NAME), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes allocated so far by this thread, exact on HotSpot and independent of garbage collection. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
