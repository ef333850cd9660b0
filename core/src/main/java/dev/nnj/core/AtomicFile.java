package dev.nnj.core;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How nnj writes every file — networks, checkpoints, histories, plots: into a temporary file
 * beside it, forced to disk, then moved over it in one step. A process killed at any moment, or a
 * disk that fills up, leaves the old file or the new one, complete, never a truncated or empty
 * one.
 *
 * <p>The temporary file is {@code .NAME.nnj-RANDOM.tmp}, locked while it is written. That name
 * lets nnj remove the leftovers of a process killed while writing without touching anything of
 * the user's (a {@code .notes.tmp} is not nnj's), and the lock tells a leftover from a file
 * another process is still writing.
 */
public final class AtomicFile {

  /** Writes a file's whole content to a stream (which it need not close). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * How old an unlocked temporary file must be to count as a leftover: a file another process has
   * just created is unlocked until its next instruction, which a paused process may take a while
   * to reach.
   */
  static final Duration GRACE = Duration.ofMinutes(1);

  private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.nnj-[0-9a-z]+\\.tmp");

  private AtomicFile() {}

  /**
   * Writes {@code file} atomically, first removing the leftovers of earlier writes of it that
   * were killed. If anything fails, the temporary file is removed and an existing {@code file} is
   * left as it was.
   *
   * @throws IOException what failed, for the caller to name the file in its message
   */
  public static void write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    String name = target.getFileName().toString();
    removeLeftovers(directory, name::equals, GRACE);
    // Not Files.createTempFile: its owner-only permissions would replace the umask's.
    Path temporary = directory.resolve("." + name + ".nnj-"
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    boolean created = false;
    boolean moved = false;
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      created = true;
      try (FileLock lock = channel.lock()) {
        content.writeTo(new FilterOutputStream(Channels.newOutputStream(channel)) {
          @Override public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
          }

          @Override public void close() throws IOException {
            flush(); // the channel stays open until it is forced and moved
          }
        });
        channel.force(true);
        // Moved while still locked, so that no one sees it unlocked before it has its name.
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        moved = true;
      }
    } finally {
      if (created && !moved) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Whether {@code fileName} is one of nnj's temporary files, for a file named as {@code target} accepts. */
  public static boolean isTemporaryOf(String fileName, Predicate<String> target) {
    Matcher matcher = TEMPORARY.matcher(fileName);
    return matcher.matches() && target.test(matcher.group(1));
  }

  /**
   * Removes from {@code directory} nnj's temporary files of the files {@code target} accepts that
   * no process is writing: unlocked, and last changed more than {@code grace} ago. Best effort: a
   * file that cannot be removed stays, and the write that called this goes on.
   */
  public static void removeLeftovers(Path directory, Predicate<String> target, Duration grace) {
    List<Path> candidates;
    try (Stream<Path> files = Files.list(directory)) {
      candidates = files.filter(f -> isTemporaryOf(f.getFileName().toString(), target)).toList();
    } catch (IOException e) {
      return; // the write itself will say what is wrong with the directory
    }
    Instant before = Instant.now().minus(grace);
    for (Path leftover : candidates) {
      try (FileChannel channel = FileChannel.open(leftover, StandardOpenOption.WRITE)) {
        if (Files.getLastModifiedTime(leftover).toInstant().isAfter(before)) {
          continue;
        }
        try (FileLock lock = channel.tryLock()) {
          if (lock != null) {
            Files.deleteIfExists(leftover);
          }
        } catch (OverlappingFileLockException writtenByThisProcess) {
          // another thread of this process holds it
        }
      } catch (IOException gone) {
        // removed meanwhile, or not ours to remove
      }
    }
  }
}
