package dev.nnj.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nnj.core.AtomicFile;
import dev.nnj.core.Checkpoint;
import dev.nnj.core.History;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import dev.nnj.core.NetworkSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of training checkpoints, used by one run at a time: after every epoch
 * {@code epoch-NNNN.json} (a network file of format 1 or 2 whose {@code "training"} holds the
 * experiment and the checkpoint), keeping the last {@value #KEPT}, and {@code best.json}, the best
 * evaluation epoch's network, which {@code nnj eval} reads. Every file is written by
 * {@link AtomicFile}, so a killed process leaves only complete files.
 *
 * <p>Opening the directory locks {@value #LOCK} in it; the operating system releases the lock
 * when the process ends, however it ends. A second process is refused, naming the first, rather
 * than writing its epochs among the first's or removing its temporary files.
 */
public final class CheckpointDirectory implements AutoCloseable {

  /** How many epoch checkpoints are kept. */
  public static final int KEPT = 3;

  /** The lock file: locked by the run that uses the directory, and holding its process id. */
  public static final String LOCK = ".nnj.lock";

  /**
   * The fault-injection seam of CheckpointFaultIT: with {@code -Dnnj.checkpoint.pauseAfter=N} a
   * process stops after its N-th file operation in a checkpoint directory (writing or removing a
   * file), says so on standard error and waits to be killed. A kill at a random moment seldom
   * falls between two files of one epoch; this puts it there.
   */
  static final String PAUSE_AFTER = "nnj.checkpoint.pauseAfter";

  private static final AtomicInteger OPERATIONS = new AtomicInteger();

  private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d{4,})\\.json");
  private static final String BEST = "best.json";

  /**
   * A network and the checkpoint saved with it.
   *
   * @param network the network's weights after the checkpoint's last epoch
   * @param checkpoint the rest of the training state
   * @param experiment the experiment that was running
   */
  public record Saved(Network network, Checkpoint checkpoint, ExperimentSpec experiment) {}

  private final Path directory;
  private final ObjectMapper mapper;
  private final FileChannel lockFile;

  private CheckpointDirectory(Path directory, ObjectMapper mapper, FileChannel lockFile) {
    this.directory = directory;
    this.mapper = mapper;
    this.lockFile = lockFile;
  }

  /**
   * Opens {@code directory} (created if missing) for this process alone, and removes the
   * temporary files a killed run left in it.
   *
   * @throws IllegalArgumentException naming the other process when one is using the directory
   */
  public static CheckpointDirectory open(Path directory, ObjectMapper mapper) {
    FileChannel channel = null;
    try {
      Files.createDirectories(directory);
      channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldByThisProcess) {
        lock = null;
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new IllegalArgumentException("checkpoint directory " + directory + " is in use by "
            + holder + "; wait for it to end, or give another directory");
      }
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0).write(ByteBuffer.wrap(pid), 0);
    } catch (IOException e) {
      closeQuietly(channel, e);
      throw new IllegalArgumentException("cannot use checkpoint directory " + directory + ": "
          + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
    }
    // With the lock held no other nnj writes checkpoints here: their temporary files are leftovers.
    AtomicFile.removeLeftovers(directory, CheckpointDirectory::isCheckpointFile, Duration.ZERO);
    return new CheckpointDirectory(directory, mapper, channel);
  }

  /** The process holding the lock, as its pid in the lock file tells. */
  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer content = ByteBuffer.allocate(32);
    channel.read(content, 0);
    String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("\\d+") ? "nnj process " + pid : "another nnj process";
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Whether {@code fileName} is one of the files a checkpoint directory holds. */
  public static boolean isCheckpointFile(String fileName) {
    return EPOCH_FILE.matcher(fileName).matches() || fileName.equals(BEST) || fileName.equals(LOCK);
  }

  /**
   * Where a new run of {@code experiment} saves its checkpoints.
   *
   * @throws IllegalArgumentException if the directory holds another run's checkpoints, which the
   *     new run's would replace
   */
  public Checkpoint.Sink startRun(ExperimentSpec experiment) {
    List<Path> epochs = epochFiles();
    Path best = directory.resolve(BEST);
    if (!epochs.isEmpty() || Files.exists(best) && !killedInItsFirstEpoch(best)) {
      String newest = epochs.isEmpty() ? BEST : epochs.get(epochs.size() - 1).getFileName().toString();
      throw new IllegalArgumentException("checkpoint directory " + directory + " holds another "
          + "run's checkpoints (" + newest + "): continue that run with --resume " + directory
          + ", or give an empty directory");
    }
    return new Writer(experiment);
  }

  /**
   * Whether {@code best} is all a run left that was killed after it and before its first epoch
   * file (see {@link Writer#epochSaved}): nothing can resume it, and a new run may take its place.
   */
  private boolean killedInItsFirstEpoch(Path best) {
    try {
      JsonNode training = NetworkFile.read(best, mapper).training();
      return training != null
          && training.path("checkpoint").path("history").path("epochs").size() == 1;
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** Where the run resumed from {@link #latest()}, as {@code experiment} extends it, goes on saving. */
  public Checkpoint.Sink continueRun(ExperimentSpec experiment) {
    return new Writer(experiment);
  }

  /** Writes one run's checkpoints. */
  private final class Writer implements Checkpoint.Sink {
    private final ExperimentSpec experiment;

    Writer(ExperimentSpec experiment) {
      this.experiment = experiment;
    }

    /**
     * Writes {@code best.json} first, then {@code epoch-NNNN.json}, then removes the oldest
     * epoch. In this order a kill between two files leaves a consistent directory: the resume
     * starts before the epoch that improved, trains it again bit for bit, and writes the same
     * {@code best.json} again. The other order would leave, after a kill between the two, an
     * epoch file that records the improvement and a {@code best.json} that never gets it.
     */
    @Override
    public void epochSaved(Network network, Checkpoint checkpoint) {
      ObjectNode training = mapper.createObjectNode();
      training.set("experiment", mapper.valueToTree(experiment));
      ObjectNode state = training.putObject("checkpoint");
      state.set("history", mapper.valueToTree(checkpoint.history()));
      state.set("optimizerState", mapper.valueToTree(checkpoint.optimizerState()));
      state.set("best", mapper.valueToTree(checkpoint.best()));
      state.put("batchesDone", checkpoint.batchesDone());
      int epochs = checkpoint.epochsDone();
      // A mid-epoch checkpoint (Ctrl-C) takes the place of its epoch's last one; best.json only
      // ever holds the weights of a whole epoch.
      boolean improved = checkpoint.batchesDone() == 0 && checkpoint.history().best()
          .map(best -> best.epoch() == epochs - 1).orElse(false);
      if (improved) {
        write(BEST, network, training);
      }
      write(String.format("epoch-%04d.json", epochs), network, training);
      List<Path> epochFiles = epochFiles();
      for (Path old : epochFiles.subList(0, Math.max(0, epochFiles.size() - KEPT))) {
        try {
          Files.deleteIfExists(old);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove old checkpoint " + old + ": " + e.getMessage(), e);
        }
        operationDone("removing " + old.getFileName());
      }
    }

    private void write(String name, Network network, JsonNode training) {
      NetworkFile.write(directory.resolve(name), network, experiment.cost(), training, mapper);
      operationDone("writing " + name);
    }
  }

  /** See {@link #PAUSE_AFTER}. */
  private static void operationDone(String what) {
    String pauseAfter = System.getProperty(PAUSE_AFTER);
    if (pauseAfter == null || OPERATIONS.incrementAndGet() != Integer.parseInt(pauseAfter)) {
      return;
    }
    System.err.println("nnj: paused after " + what + " (" + PAUSE_AFTER + "=" + pauseAfter + ")");
    System.err.flush();
    for (;;) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        // only a kill ends this
      }
    }
  }

  /** Whether the directory holds an epoch checkpoint that {@link #latest} can resume from. */
  public boolean hasCheckpoint() {
    return !epochFiles().isEmpty();
  }

  /**
   * The newest epoch checkpoint, checked to be one: its name, its history and its weights agree
   * with each other and with its experiment.
   *
   * @throws IllegalArgumentException in one line naming the file and what is wrong
   */
  public Saved latest() {
    List<Path> files = epochFiles();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no checkpoint (epoch-NNNN.json) in " + directory);
    }
    Path newest = files.get(files.size() - 1);
    NetworkFile.Saved saved = NetworkFile.read(newest, mapper);
    JsonNode training = saved.training();
    if (training == null || !training.has("experiment") || !training.has("checkpoint")) {
      throw new IllegalArgumentException(newest + ": a saved network, not a checkpoint: it holds "
          + "no training state (nnj train --checkpoint DIR writes checkpoints; --save writes networks)");
    }
    ExperimentSpec experiment;
    Checkpoint checkpoint;
    try {
      experiment = mapper.treeToValue(training.get("experiment"), ExperimentSpec.class);
      JsonNode state = training.get("checkpoint");
      checkpoint = new Checkpoint(
          mapper.treeToValue(state.get("history"), History.class),
          mapper.treeToValue(state.get("optimizerState"), double[][].class),
          mapper.treeToValue(state.get("best"), double[][].class),
          state.path("batchesDone").asInt(0));
    } catch (JsonProcessingException | NullPointerException | IllegalArgumentException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException(newest + ": not a checkpoint of nnj train --checkpoint ("
          + reason + ")", e);
    }
    check(newest, saved.network(), checkpoint, experiment);
    return new Saved(saved.network(), checkpoint, experiment);
  }

  /** Refuses a checkpoint whose parts disagree: resuming it could not be the run it claims. */
  private static void check(Path file, Network network, Checkpoint checkpoint, ExperimentSpec experiment) {
    if (checkpoint.epochsDone() != epochOf(file)) {
      throw new IllegalArgumentException(file + ": its history holds " + checkpoint.epochsDone()
          + " epochs, its name says " + epochOf(file) + "; was it renamed?");
    }
    NetworkSpec described;
    try {
      described = experiment.network(network.spec().input());
    } catch (IllegalArgumentException e) {
      described = null;
    }
    if (!network.spec().equals(described)) {
      throw new IllegalArgumentException(file + ": its experiment describes another network than "
          + "its weights (" + (described == null ? "none for input " + network.spec().input()
              : "sizes " + described.sizes()) + " against weights of sizes "
          + network.spec().sizes() + "); it was not written by one run");
    }
    double[][] parameters = network.parameterSnapshot();
    int[] blockSizes = Arrays.stream(parameters).mapToInt(block -> block.length).toArray();
    int[] bestSizes = Arrays.stream(checkpoint.best()).mapToInt(block -> block.length).toArray();
    if (!Arrays.equals(blockSizes, bestSizes)) {
      throw new IllegalArgumentException(file + ": its best epoch's weights do not fit its network");
    }
    try {
      experiment.optimizer().start(blockSizes, network.weightBlocks())
          .restore(checkpoint.optimizerState(), 0);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": its optimizer state does not fit its network: "
          + e.getMessage(), e);
    }
  }

  /** The epoch files, oldest first. */
  private List<Path> epochFiles() {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> epochs = files.filter(f -> EPOCH_FILE.matcher(f.getFileName().toString()).matches())
          .toList();
      epochs.forEach(CheckpointDirectory::epochOf); // refuses a number no run reaches
      return epochs.stream().sorted(Comparator.comparingInt(CheckpointDirectory::epochOf)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * The epoch number in an epoch file's name.
   *
   * @throws IllegalArgumentException for a number no run reaches
   */
  private static int epochOf(Path file) {
    Matcher matcher = EPOCH_FILE.matcher(file.getFileName().toString());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(file + ": not an epoch checkpoint");
    }
    String digits = matcher.group(1);
    if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(file + ": not a checkpoint nnj writes: epoch " + digits
          + " is beyond any run (at most " + Integer.MAX_VALUE + " epochs)");
    }
    return Integer.parseInt(digits);
  }

  /** Where checkpoints go. */
  public Path directory() {
    return directory;
  }

  /** Releases the directory for other processes. */
  @Override
  public void close() {
    try {
      lockFile.close(); // releases the lock
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release " + directory.resolve(LOCK) + ": " + e.getMessage(), e);
    }
  }
}
