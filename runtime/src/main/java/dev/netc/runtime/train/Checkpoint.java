package dev.netc.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.weights.JsonFiles;
import dev.netc.runtime.weights.WeightFileException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run needs to continue as if it had never stopped, after epoch {@code
 * epoch}: the network's full state, the schedule's initial rate, the early-stopping state and the
 * history. The shuffle order of an epoch is a function of the seed and the epoch number, so no
 * random generator position needs saving. JSON with {@code "format": "netc-checkpoint"}, written
 * atomically.
 *
 * <p>The runtime's {@link Trainer} writes and resumes these; other training loops over the same
 * generated classes (netc on Spark) use the same file, with their own settings text.
 *
 * @param network the network's name
 * @param fingerprint the network's topology fingerprint, which must match on resume
 * @param settings the trainer settings that must match on resume (batch size, reduction, ...), as
 *     text
 * @param epoch the last epoch the checkpoint includes; a resumed run starts at the next one
 * @param initialRate the learning rate the schedule started from
 * @param state parameters, optimizer state, step count and hyper-parameters after that epoch
 * @param bestEpoch the epoch of the best validation loss so far (early stopping), else the last
 * @param bestLoss the best validation loss so far, NaN without early stopping
 * @param best the parameters of the best epoch, null without early stopping
 * @param history the statistics of the epochs so far
 */
public record Checkpoint(
    String network,
    String fingerprint,
    String settings,
    int epoch,
    double initialRate,
    NetworkState state,
    int bestEpoch,
    double bestLoss,
    NetworkState best,
    List<EpochStats> history) {

  static final String FORMAT = "netc-checkpoint";
  static final int VERSION = 1;

  /** Writes this checkpoint to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    JsonFiles.writeAtomically(file, toJson());
  }

  /** This checkpoint as the JSON text {@link #write} writes (for files on other file systems). */
  public String toJson() {
    ObjectNode root = JsonFiles.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("network", network);
    root.put("fingerprint", fingerprint);
    root.put("settings", settings);
    root.put("epoch", epoch);
    root.put("initialRate", initialRate);
    root.set("state", state(state));
    root.put("bestEpoch", bestEpoch);
    putNumber(root, "bestLoss", bestLoss);
    root.set("best", best == null ? root.nullNode() : state(best));
    ArrayNode rows = root.putArray("history");
    for (EpochStats s : history) {
      ObjectNode row = rows.addObject();
      row.put("epoch", s.epoch());
      putNumber(row, "trainingLoss", s.trainingLoss());
      putNumber(row, "validationLoss", s.validationLoss());
      putNumber(row, "validationAccuracy", s.validationAccuracy());
      row.put("learningRate", s.learningRate());
      row.put("steps", s.steps());
      row.put("examplesPerSecond", s.examplesPerSecond());
      row.put("elapsedNanos", s.elapsed().toNanos());
    }
    return JsonFiles.toJson(root);
  }

  /** NaN as null: JSON has no NaN. */
  private static void putNumber(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private static ObjectNode state(NetworkState state) {
    ObjectNode node = JsonFiles.mapper().createObjectNode();
    node.put("full", state.full);
    node.put("steps", state.steps);
    ObjectNode hyper = node.putObject("hyperparameters");
    state.hyperparameters.forEach(hyper::put);
    ArrayNode tensors = node.putArray("tensors");
    state.tensors.forEach(
        (name, values) -> {
          ObjectNode t = tensors.addObject();
          t.put("name", name);
          t.set("values", JsonFiles.array(values));
        });
    return node;
  }

  /**
   * Reads a checkpoint.
   *
   * @throws WeightFileException if the file is missing, not JSON or not a netc checkpoint
   */
  public static Checkpoint read(Path file) {
    String name = file.toString();
    JsonNode root = JsonFiles.read(file, "a netc checkpoint");
    JsonFiles.Fields f = new JsonFiles.Fields(name);
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new WeightFileException(
          name, "is not a netc checkpoint (expected \"format\": \"" + FORMAT + "\")");
    }
    int version = f.integer(root, "version");
    if (version != VERSION) {
      throw new WeightFileException(
          name, "has checkpoint version " + version + "; this netc reads version " + VERSION);
    }
    List<EpochStats> history = new ArrayList<>();
    for (JsonNode row : f.array(root, "history")) {
      history.add(
          new EpochStats(
              f.integer(row, "epoch"),
              optional(row, "trainingLoss", f),
              optional(row, "validationLoss", f),
              optional(row, "validationAccuracy", f),
              f.number(row, "learningRate"),
              f.longInteger(row, "steps"),
              f.number(row, "examplesPerSecond"),
              Duration.ofNanos(f.longInteger(row, "elapsedNanos"))));
    }
    JsonNode best = root.path("best");
    return new Checkpoint(
        f.text(root, "", "network"),
        f.text(root, "", "fingerprint"),
        f.text(root, "", "settings"),
        f.integer(root, "epoch"),
        f.number(root, "initialRate"),
        state(root.path("state"), f),
        f.integer(root, "bestEpoch"),
        optional(root, "bestLoss", f),
        best.isNull() || best.isMissingNode() ? null : state(best, f),
        history);
  }

  /**
   * Checks that a run of {@code net} with {@code settings} can continue from this checkpoint: the
   * same topology, the same settings, every tensor of the right size.
   *
   * @param source the file's name, for the messages
   * @throws WeightFileException saying what differs and what to do
   */
  public void checkResumable(CompiledNetwork net, String settings, String source) {
    if (!fingerprint.equals(net.spec().fingerprint())) {
      throw new WeightFileException(
          source,
          "is a checkpoint of "
              + network
              + " with another topology than "
              + net.spec().name()
              + " ("
              + net.spec().topology()
              + "); resume with the network it was written for, or start anew");
    }
    if (!this.settings.equals(settings)) {
      throw new WeightFileException(
          source,
          "was written with other training settings ("
              + this.settings
              + ") than now ("
              + settings
              + "); resume with the same "
              + "data, batch size, reduction, shuffle seed and validation, or start anew");
    }
    List<String> problems = state.mismatches(net, true);
    if (!problems.isEmpty()) {
      throw new WeightFileException(
          source, "does not fit " + net.spec().name() + ": " + String.join(", ", problems));
    }
  }

  /** Sets {@code net} to the saved state (parameters, optimizer state, steps) with no gradient. */
  public void restore(CompiledNetwork net) {
    state.restore(net);
    net.clearGradient();
  }

  /** The training time before the checkpoint, from its last epoch's figures (0 without any). */
  public long elapsedNanos() {
    return history.isEmpty() ? 0 : history.get(history.size() - 1).elapsed().toNanos();
  }

  private static double optional(JsonNode node, String field, JsonFiles.Fields f) {
    return node.path(field).isNull() ? Double.NaN : f.number(node, field);
  }

  private static NetworkState state(JsonNode node, JsonFiles.Fields f) {
    if (!node.isObject()) {
      throw f.missing("state", "an object");
    }
    Map<String, Double> hyper = new LinkedHashMap<>();
    node.path("hyperparameters")
        .properties()
        .forEach(e -> hyper.put(e.getKey(), e.getValue().doubleValue()));
    Map<String, double[]> tensors = new LinkedHashMap<>();
    for (JsonNode t : f.array(node, "tensors")) {
      String tensor = f.text(t, "tensors", "name");
      tensors.put(tensor, f.numbers(t.path("values"), "tensors." + tensor));
    }
    return new NetworkState(
        tensors, f.longInteger(node, "steps"), hyper, node.path("full").asBoolean(false));
  }
}
