package dev.nnj.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a fetch that cannot write says: the path and what is wrong with it, never the bare path. */
class FetcherTest {

  @TempDir Path directory;

  @Test
  void fetch_intoADirectoryUnderARegularFile_namesTheFileAndWhy() throws IOException {
    Path file = Files.writeString(directory.resolve("notes.txt"), "the user's notes");
    Path data = file.resolve("mnist");
    Fetcher fetcher = new Fetcher("MNIST", List.of());
    assertThatThrownBy(() -> fetcher.fetch(IdxFileSet.MNIST.all(), data, FetchListener.NONE))
        .isInstanceOf(DatasetException.class)
        .hasMessage("Cannot create data directory " + data + ": " + data + ": Not a directory");
    assertThat(file).hasContent("the user's notes");
  }

  @Test
  void describe_permissionDenied_saysSo() {
    // Tests run as root, for whom no directory is unwritable: the exception is made here, as
    // the file system gives it (its message is the bare path).
    Path part = directory.resolve(".train-images-idx3-ubyte.part-1");
    assertThat(Fetcher.describe(new AccessDeniedException(part.toString())))
        .isEqualTo(part + ": permission denied");
  }
}
