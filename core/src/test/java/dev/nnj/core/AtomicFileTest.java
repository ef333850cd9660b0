package dev.nnj.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path directory;

  /** What a full disk does to a write: some bytes go out, then the device refuses the rest. */
  private static final AtomicFile.Content FILLS_THE_DISK = out -> {
    out.write(new byte[4096]);
    throw new IOException("No space left on device");
  };

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private Path leftover(String name, Instant changed) throws IOException {
    Path file = Files.writeString(directory.resolve(name), "half a file");
    Files.setLastModifiedTime(file, FileTime.from(changed));
    return file;
  }

  @Test
  void write_replacesTheFileWholeAndLeavesNoTemporary() throws IOException {
    Path file = Files.writeString(directory.resolve("history.json"), "old");
    AtomicFile.write(file, out -> out.write("new".getBytes()));
    assertThat(file).hasContent("new");
    assertThat(names()).containsExactly("history.json");
  }

  @Test
  void write_onAFullDisk_leavesTheOldFileAsItWas() throws IOException {
    Path file = Files.writeString(directory.resolve("history.json"), "{\"epochs\": []}");
    assertThatThrownBy(() -> AtomicFile.write(file, FILLS_THE_DISK))
        .hasMessage("No space left on device");
    assertThat(file).hasContent("{\"epochs\": []}");
    assertThat(names()).containsExactly("history.json");
  }

  @Test
  void write_onAFullDiskWithNoFileYet_leavesNoEmptyFile() throws IOException {
    assertThatThrownBy(() -> AtomicFile.write(directory.resolve("history.json"), FILLS_THE_DISK))
        .isInstanceOf(IOException.class);
    assertThat(names()).isEmpty();
  }

  /** History goes the same way: a write that fails leaves no partial file beside the target. */
  @Test
  void historyWriteCsv_thatFails_leavesNoTemporaryAndSaysWhy() throws IOException {
    Path target = Files.createDirectory(directory.resolve("history.csv"));
    // The content is written whole; moving it over a directory is what fails.
    assertThatThrownBy(() -> new History(List.of()).writeCsv(target))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot write " + target + ": ");
    assertThat(names()).containsExactly("history.csv");
  }

  /**
   * A save killed by SIGKILL leaves its temporary file; the next save of the same file removes
   * it — and nothing else: not a user's hidden {@code .tmp}, not another file's, not one changed
   * in the last minute (another process may have just created it).
   */
  @Test
  void write_removesOnlyItsOwnStaleLeftovers() throws IOException {
    Instant hourAgo = Instant.now().minusSeconds(3600);
    leftover(".model.json.nnj-k3j2ab.tmp", hourAgo);
    leftover(".model.json.nnj-fresh.tmp", Instant.now());
    leftover(".model.json.k3j2ab.tmp", hourAgo);
    leftover(".notes.tmp", hourAgo);
    leftover(".other.json.nnj-k3j2ab.tmp", hourAgo);

    AtomicFile.write(directory.resolve("model.json"), out -> out.write('1'));

    assertThat(names()).containsExactly(".model.json.k3j2ab.tmp", ".model.json.nnj-fresh.tmp",
        ".notes.tmp", ".other.json.nnj-k3j2ab.tmp", "model.json");
  }

  @Test
  void write_keepsALeftoverThatIsLockedBecauseItIsBeingWritten() throws IOException {
    Path writing = leftover(".model.json.nnj-busy.tmp", Instant.now().minusSeconds(3600));
    try (FileChannel channel = FileChannel.open(writing, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      AtomicFile.write(directory.resolve("model.json"), out -> out.write('1'));
    }
    assertThat(writing).exists();
  }
}
