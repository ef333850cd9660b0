package dev.nnj.experiments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nnj.core.Checkpoint;
import dev.nnj.core.History;
import dev.nnj.core.Network;
import dev.nnj.core.NetworkFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of training checkpoints: after every epoch {@code epoch-NNNN.json} (a network file
 * of format 1 whose {@code "training"} holds the experiment and the checkpoint), keeping the last
 * {@value #KEPT}, and {@code best.json}, the best evaluation epoch's network, which
 * {@code nnj eval} reads. Every file is written to a temporary file, flushed to disk and moved
 * into place, so a killed process leaves only complete files.
 */
public final class CheckpointDirectory implements Checkpoint.Sink {

  /** How many epoch checkpoints are kept. */
  public static final int KEPT = 3;

  private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d{4,})\\.json");

  /**
   * A network and the checkpoint saved with it.
   *
   * @param network the network's weights after the checkpoint's last epoch
   * @param checkpoint the rest of the training state
   * @param experiment the experiment that was running
   */
  public record Saved(Network network, Checkpoint checkpoint, ExperimentSpec experiment) {}

  private final Path directory;
  private final ExperimentSpec experiment;
  private final ObjectMapper mapper;

  /** Checkpoints of {@code experiment} into {@code directory}, created if missing. */
  public CheckpointDirectory(Path directory, ExperimentSpec experiment, ObjectMapper mapper) {
    this.directory = directory;
    this.experiment = experiment;
    this.mapper = mapper;
    try {
      Files.createDirectories(directory);
      // A process killed while moving a file into place can leave its temporary file behind.
      try (Stream<Path> files = Files.list(directory)) {
        for (Path leftover : files.filter(CheckpointDirectory::isTemporary).toList()) {
          Files.deleteIfExists(leftover);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot use checkpoint directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** NetworkFile's temporary files: {@code .<name>.<random>.tmp}. */
  private static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".tmp");
  }

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
    NetworkFile.write(directory.resolve(String.format("epoch-%04d.json", epochs)), network,
        experiment.cost(), training, mapper);
    // A mid-epoch checkpoint (Ctrl-C) takes the place of its epoch's last one; best.json only
    // ever holds the weights of a whole epoch.
    boolean improved = checkpoint.batchesDone() == 0 && checkpoint.history().best()
        .map(best -> best.epoch() == epochs - 1).orElse(false);
    if (improved) {
      NetworkFile.write(directory.resolve("best.json"), network, experiment.cost(), training, mapper);
    }
    List<Path> epochFiles = epochFiles(directory);
    for (Path old : epochFiles.subList(0, Math.max(0, epochFiles.size() - KEPT))) {
      try {
        Files.deleteIfExists(old);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove old checkpoint " + old + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The newest epoch checkpoint in {@code directory}.
   *
   * @throws IllegalArgumentException naming the directory when it holds none
   */
  public static Saved latest(Path directory, ObjectMapper mapper) {
    List<Path> files = Files.isDirectory(directory) ? epochFiles(directory) : List.of();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no checkpoint (epoch-NNNN.json) in " + directory);
    }
    Path newest = files.get(files.size() - 1);
    NetworkFile.Saved saved = NetworkFile.read(newest, mapper);
    JsonNode training = saved.training();
    try {
      ExperimentSpec experiment = mapper.treeToValue(training.get("experiment"), ExperimentSpec.class);
      JsonNode state = training.get("checkpoint");
      Checkpoint checkpoint = new Checkpoint(
          mapper.treeToValue(state.get("history"), History.class),
          mapper.treeToValue(state.get("optimizerState"), double[][].class),
          mapper.treeToValue(state.get("best"), double[][].class),
          state.path("batchesDone").asInt(0));
      return new Saved(saved.network(), checkpoint, experiment);
    } catch (JsonProcessingException | NullPointerException | IllegalArgumentException e) {
      throw new IllegalArgumentException(newest + ": not a checkpoint of nnj train --checkpoint ("
          + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  /** The epoch files, oldest first. */
  private static List<Path> epochFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> EPOCH_FILE.matcher(f.getFileName().toString()).matches())
          .sorted((a, b) -> Integer.compare(epochOf(a), epochOf(b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  private static int epochOf(Path file) {
    Matcher matcher = EPOCH_FILE.matcher(file.getFileName().toString());
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  /** Where checkpoints go. */
  public Path directory() {
    return directory;
  }

  /** The number of the newest epoch file, if any (for messages). */
  public static Optional<Integer> newestEpoch(Path directory) {
    List<Path> files = Files.isDirectory(directory) ? epochFiles(directory) : List.of();
    return files.isEmpty() ? Optional.empty() : Optional.of(epochOf(files.get(files.size() - 1)));
  }
}
