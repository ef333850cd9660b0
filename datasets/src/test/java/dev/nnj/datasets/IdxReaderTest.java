package dev.nnj.datasets;

import static dev.nnj.datasets.IdxFixtures.gzip;
import static dev.nnj.datasets.IdxFixtures.idx;
import static dev.nnj.datasets.IdxFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  private static final byte[] DATA = {0, 1, 2, (byte) 127, (byte) 128, (byte) 255};

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void read_rawFile_returnsDimensionsUnsignedDataAndSha() throws IOException {
    byte[] file = idx(new int[] {2, 3}, DATA);
    IdxArray array = IdxReader.read(write("small-idx2-ubyte", file));

    assertThat(array.dimensions()).containsExactly(2, 3);
    assertThat(array.data()).isEqualTo(DATA);
    assertThat(array.value(5)).isEqualTo(255);
    assertThat(array.value(4)).isEqualTo(128);
    assertThat(array.sha256()).isEqualTo(sha256(file));
  }

  @Test
  void read_gzipFile_detectedByMagicNotName() throws IOException {
    byte[] file = idx(new int[] {2, 3}, DATA);
    IdxArray raw = IdxReader.read(write("raw-idx2-ubyte", file));
    IdxArray gzipped = IdxReader.read(write("no-gz-suffix-idx2-ubyte", gzip(file)));

    assertThat(gzipped.dimensions()).isEqualTo(raw.dimensions());
    assertThat(gzipped.data()).isEqualTo(raw.data());
    assertThat(gzipped.sha256()).isEqualTo(sha256(file));
  }

  @Test
  void dimensions_returnsDefensiveCopy() throws IOException {
    IdxArray array = IdxReader.read(write("small", idx(new int[] {2, 3}, DATA)));
    array.dimensions()[0] = 99;
    assertThat(array.dimension(0)).isEqualTo(2);
  }

  @Test
  void read_wrongMagic_rejectedWithMagicInHex() throws IOException {
    byte[] file = idx(new int[] {2, 3}, DATA);
    file[2] = 0x09;
    Path path = write("train-images-idx3-ubyte", file);
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("train-images-idx3-ubyte: not an IDX file of unsigned bytes (magic 0x00000902)");
  }

  @Test
  void read_nonZeroLeadingByte_rejected() throws IOException {
    byte[] file = idx(new int[] {6}, DATA);
    file[0] = 0x50;
    Path path = write("labels", file);
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("labels: not an IDX file of unsigned bytes (magic 0x50000801)");
  }

  @Test
  void read_floatTypeByte_rejected() throws IOException {
    Path path = write("floats", idx(0x0D, new int[] {6}, DATA));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("floats: not an IDX file of unsigned bytes (magic 0x00000d01)");
  }

  @Test
  void read_zeroOrFiveDimensions_rejected() throws IOException {
    Path none = write("none", idx(new int[0], new byte[0]));
    Path five = write("five", idx(new int[] {1, 1, 1, 1, 6}, DATA));
    assertThatThrownBy(() -> IdxReader.read(none)).hasMessageContaining("none: not an IDX file");
    assertThatThrownBy(() -> IdxReader.read(five)).hasMessageContaining("five: not an IDX file");
  }

  @Test
  void read_zeroDimension_rejected() throws IOException {
    Path path = write("zero", idx(new int[] {2, 0}, new byte[0]));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("zero: dimension 2 of 2 must be > 0: 0");
  }

  @Test
  void read_negativeDimension_rejected() throws IOException {
    Path path = write("negative", idx(new int[] {-6}, DATA));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("negative: dimension 1 of 1 must be > 0: -6");
  }

  @Test
  void read_overflowingDimensions_rejectedBeforeAllocating() throws IOException {
    Path path = write("huge", idx(new int[] {65536, 65536, 2}, DATA));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("huge: dimensions [65536×65536×2] overflow");
  }

  @Test
  void read_hugeDeclaredSizeInSmallGzip_rejectedAsTruncated() throws IOException {
    // 2 GB declared, a few bytes present: must fail without allocating the declared size
    Path path = write("bomb", gzip(idx(new int[] {1000, 1000, 2000}, DATA)));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("bomb: truncated: header declares 2000000000 bytes of data, file holds 6");
  }

  @Test
  void read_truncatedRawData_rejected() throws IOException {
    Path path = write("short-idx1-ubyte", idx(new int[] {10}, DATA));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("short-idx1-ubyte: truncated: header declares 10 bytes of data, file holds 6");
  }

  @Test
  void read_truncatedGzipData_rejected() throws IOException {
    Path path = write("short", gzip(idx(new int[] {10}, DATA)));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("short: truncated: header declares 10 bytes of data, file holds 6");
  }

  @Test
  void read_truncatedHeader_rejected() throws IOException {
    byte[] file = Arrays.copyOf(idx(new int[] {2, 3}, DATA), 9);
    Path path = write("cut", file);
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("cut: truncated header");
  }

  @Test
  void read_fileShorterThanMagic_rejected() throws IOException {
    Path path = write("tiny", new byte[] {0, 0});
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("tiny: not an IDX file: 2 bytes");
  }

  @Test
  void read_trailingRawBytes_rejected() throws IOException {
    Path path = write("long", idx(new int[] {4}, DATA));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("long: 2 trailing bytes after the 4 bytes of data the header declares");
  }

  @Test
  void read_trailingGzipBytes_rejected() throws IOException {
    Path path = write("long", gzip(idx(new int[] {4}, DATA)));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("long: 2 trailing bytes after the 4 bytes of data the header declares");
  }

  @Test
  void read_corruptGzip_rejected() throws IOException {
    byte[] compressed = gzip(idx(new int[] {2, 3}, DATA));
    for (int i = 10; i < compressed.length - 8; i++) {
      compressed[i] = (byte) 0xff;
    }
    Path path = write("corrupt.gz", compressed);
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("corrupt.gz: corrupt gzip stream");
  }

  @Test
  void read_cutGzipStream_rejected() throws IOException {
    byte[] compressed = gzip(idx(new int[] {2, 3}, DATA));
    Path path = write("cut.gz", Arrays.copyOf(compressed, compressed.length - 12));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("cut.gz: corrupt gzip stream");
  }

  @Test
  void read_missingFile_namesIt() {
    Path path = dir.resolve("absent-idx1-ubyte");
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("absent-idx1-ubyte: no such file");
  }

  @Test
  void read_gzipDeclaringTwoBillionLabels_refusedFromItsHeaderBeforeInflating() throws IOException {
    // As many labels as an array holds, then 2 GB of zeros in a 2 MB file: before the bound it
    // inflated 4.4 GB before the checksum refused it.
    Path path = IdxFixtures.gzipBomb(dir.resolve("train-labels-idx1-ubyte.gz"),
        new int[] {Integer.MAX_VALUE - 8}, 2L << 30);
    assertThat(Files.size(path)).isLessThan(3L << 20);
    assertThatThrownBy(() -> IdxReader.read(path, List.of(60000)))
        .isInstanceOf(DatasetException.class)
        .hasMessage("train-labels-idx1-ubyte.gz: the header declares [2147483639], not the "
            + "[60000] of the published file; the file is not it, or corrupt");
  }

  @Test
  void read_expectedDimensions_readsTheFileThatHasThem() throws IOException {
    Path path = write("small.gz", gzip(idx(new int[] {2, 3}, DATA)));
    assertThat(IdxReader.read(path, List.of(2, 3)).data()).isEqualTo(DATA);
  }

  @Test
  void read_endlessGzipPastTheData_stopsCountingTrailingBytes() throws IOException {
    Path path = IdxFixtures.gzipBomb(dir.resolve("endless.gz"), new int[] {4}, 100L << 20);
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("endless.gz: more than 65536 trailing bytes after the 4 bytes of data the "
            + "header declares");
  }

  @Test
  void read_gzipCutInItsTrailer_saysWhyNotNull() throws IOException {
    byte[] compressed = gzip(idx(new int[] {2, 3}, DATA));
    // The 8-byte trailer (CRC and length) cut in half: the inflater's EOFException has no message.
    Path path = write("cut-trailer.gz", Arrays.copyOf(compressed, compressed.length - 4));
    assertThatThrownBy(() -> IdxReader.read(path))
        .isInstanceOf(DatasetException.class)
        .hasMessage("cut-trailer.gz: corrupt gzip stream: the file ends before the stream does "
            + "(cut short?)");
  }
}
