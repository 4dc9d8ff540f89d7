package dev.netc.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Decides what to regenerate: a pure function from the previous state and the current inputs to a
 * {@link Plan}, so that it can be tested without Maven.
 *
 * <p>Everything is stale when there is no usable previous state, or when the fingerprint (plugin
 * version, compiler code, configuration) changed. Otherwise an input is stale when it is new, its
 * content hash changed, or one of its recorded outputs is missing. (A run with errors saves no
 * state, so files that failed, and everything else that run compiled, stay stale.) Inputs that
 * disappeared are listed so that their outputs can be deleted: neither Maven nor the build-context
 * API does that.
 */
final class Staleness {
  private Staleness() {}

  /**
   * The decision for one run.
   *
   * @param full true if every input is stale because the state was missing or the fingerprint
   *     changed
   * @param reason why, for the debug log
   * @param stale inputs to compile (relative paths, sorted)
   * @param unchanged inputs whose recorded outputs stand
   * @param removedOutputs outputs recorded for inputs that no longer exist
   */
  record Plan(
      boolean full,
      String reason,
      List<String> stale,
      List<String> unchanged,
      List<String> removedOutputs) {
    Plan {
      stale = List.copyOf(stale);
      unchanged = List.copyOf(unchanged);
      removedOutputs = List.copyOf(removedOutputs);
    }
  }

  /**
   * Plans one run.
   *
   * @param previous the state of the last successful run, if usable
   * @param fingerprint the current fingerprint
   * @param inputs every current input (relative path, sorted) with its content hash
   * @param outputExists whether a recorded output is still on disk
   */
  static Plan plan(
      Optional<IncrementalState> previous,
      String fingerprint,
      SortedMap<String, String> inputs,
      Predicate<String> outputExists) {
    List<String> stale = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    if (previous.isPresent()) {
      for (Map.Entry<String, IncrementalState.Entry> e : previous.get().entries().entrySet()) {
        if (!inputs.containsKey(e.getKey())) {
          removed.addAll(e.getValue().outputs());
        }
      }
    }
    if (previous.isEmpty() || !previous.get().fingerprint().equals(fingerprint)) {
      String reason =
          previous.isEmpty()
              ? "no previous state"
              : "plugin version, compiler or configuration changed";
      return new Plan(true, reason, List.copyOf(inputs.keySet()), List.of(), removed);
    }
    Map<String, IncrementalState.Entry> entries = previous.get().entries();
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      IncrementalState.Entry entry = entries.get(input.getKey());
      boolean upToDate =
          entry != null
              && entry.hash().equals(input.getValue())
              && entry.outputs().stream().allMatch(outputExists);
      (upToDate ? unchanged : stale).add(input.getKey());
    }
    return new Plan(false, stale.size() + " changed", stale, unchanged, removed);
  }

  /**
   * Outputs of the previous run that the next state no longer records (a renamed network, a changed
   * package, a removed input): to delete once the new files are written.
   */
  static List<String> obsoleteOutputs(Optional<IncrementalState> previous, IncrementalState next) {
    if (previous.isEmpty()) {
      return List.of();
    }
    Set<String> obsolete = new LinkedHashSet<>(previous.get().allOutputs());
    obsolete.removeAll(next.allOutputs());
    return List.copyOf(obsolete);
  }
}
