package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StalenessTest {
  private static final String FP = "fp1";

  private static SortedMap<String, String> inputs(String... pathsAndHashes) {
    SortedMap<String, String> map = new TreeMap<>();
    for (int i = 0; i < pathsAndHashes.length; i += 2) {
      map.put(pathsAndHashes[i], pathsAndHashes[i + 1]);
    }
    return map;
  }

  private static IncrementalState state(String fingerprint) {
    return new IncrementalState(
        fingerprint,
        new TreeMap<>(
            Map.of(
                "a.nn", new IncrementalState.Entry("h-a", 1, List.of("/out/A.java")),
                "sub/b.nn",
                    new IncrementalState.Entry(
                        "h-b", 2, List.of("/out/sub/B.java", "/out/sub/C.java")),
                "c.nn", new IncrementalState.Entry("h-c", 1, List.of("/out/Cc.java")))));
  }

  @Test
  void everythingIsStaleWithoutState() {
    Staleness.Plan plan =
        Staleness.plan(Optional.empty(), FP, inputs("a.nn", "h-a", "b.nn", "h-b"), o -> true);
    assertTrue(plan.full());
    assertEquals(List.of("a.nn", "b.nn"), plan.stale());
    assertEquals(List.of(), plan.unchanged());
    assertEquals(List.of(), plan.removedOutputs());
  }

  @Test
  void nothingIsStaleWhenNothingChanged() {
    Staleness.Plan plan =
        Staleness.plan(
            Optional.of(state(FP)),
            FP,
            inputs("a.nn", "h-a", "sub/b.nn", "h-b", "c.nn", "h-c"),
            o -> true);
    assertFalse(plan.full());
    assertEquals(List.of(), plan.stale());
    assertEquals(List.of("a.nn", "c.nn", "sub/b.nn"), plan.unchanged());
    assertEquals(List.of(), plan.removedOutputs());
  }

  @Test
  void onlyTheChangedFileIsStale() {
    Staleness.Plan plan =
        Staleness.plan(
            Optional.of(state(FP)),
            FP,
            inputs("a.nn", "h-a", "sub/b.nn", "h-b2", "c.nn", "h-c"),
            o -> true);
    assertEquals(List.of("sub/b.nn"), plan.stale());
    assertEquals(List.of("a.nn", "c.nn"), plan.unchanged());
  }

  @Test
  void aNewFileIsStaleAndARemovedFileLosesItsOutputs() {
    Staleness.Plan plan =
        Staleness.plan(
            Optional.of(state(FP)),
            FP,
            inputs("a.nn", "h-a", "c.nn", "h-c", "d.nn", "h-d"),
            o -> true);
    assertEquals(List.of("d.nn"), plan.stale());
    assertEquals(List.of("a.nn", "c.nn"), plan.unchanged());
    assertEquals(List.of("/out/sub/B.java", "/out/sub/C.java"), plan.removedOutputs());
  }

  @Test
  void aMissingOutputMakesItsInputStale() {
    Set<String> onDisk = Set.of("/out/A.java", "/out/sub/B.java", "/out/Cc.java");
    Staleness.Plan plan =
        Staleness.plan(
            Optional.of(state(FP)),
            FP,
            inputs("a.nn", "h-a", "sub/b.nn", "h-b", "c.nn", "h-c"),
            onDisk::contains);
    assertEquals(List.of("sub/b.nn"), plan.stale());
  }

  @Test
  void aChangedFingerprintMakesEverythingStaleButStillRemovesDeletedInputs() {
    Staleness.Plan plan =
        Staleness.plan(
            Optional.of(state("old")), FP, inputs("a.nn", "h-a", "c.nn", "h-c"), o -> true);
    assertTrue(plan.full());
    assertEquals(List.of("a.nn", "c.nn"), plan.stale());
    assertEquals(List.of("/out/sub/B.java", "/out/sub/C.java"), plan.removedOutputs());
  }

  @Test
  void obsoleteOutputsAreThoseTheNextStateNoLongerRecords() {
    SortedMap<String, IncrementalState.Entry> next = new TreeMap<>(state(FP).entries());
    next.put("sub/b.nn", new IncrementalState.Entry("h-b2", 1, List.of("/out/sub/B.java")));
    next.remove("c.nn");
    next.put("d.nn", new IncrementalState.Entry("h-d", 1, List.of("/out/Cc.java")));
    assertEquals(
        List.of("/out/sub/C.java"),
        Staleness.obsoleteOutputs(Optional.of(state(FP)), new IncrementalState(FP, next)));
    assertEquals(List.of(), Staleness.obsoleteOutputs(Optional.empty(), state(FP)));
  }
}
