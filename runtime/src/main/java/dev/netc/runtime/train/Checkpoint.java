package dev.netc.runtime.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * @param settings the trainer settings that must match on resume (batch size, reduction, ...), as
 *     text
 */
record Checkpoint(
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

  void write(Path file) throws IOException {
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
    JsonFiles.writeAtomically(file, JsonFiles.toJson(root));
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

  static Checkpoint read(Path file) {
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
