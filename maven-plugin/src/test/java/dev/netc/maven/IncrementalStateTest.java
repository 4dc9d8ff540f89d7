package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalStateTest {

  @Test
  void roundTripsThroughItsFile(@TempDir Path dir) throws IOException {
    TreeMap<String, IncrementalState.Entry> entries = new TreeMap<>();
    entries.put(
        "x/iris.nn",
        new IncrementalState.Entry("abc", 2, List.of("/t/x/IrisNet.java", "/t/x/IrisSmall.java")));
    entries.put("empty.nn", new IncrementalState.Entry("def", 0, List.of()));
    IncrementalState state = new IncrementalState("fp", entries);
    Path file = dir.resolve("a/b/state");
    state.write(file);
    assertEquals(
        "netc-state 2\nfingerprint\tfp\ninput\tempty.nn\tdef\t0\n"
            + "input\tx/iris.nn\tabc\t2\t/t/x/IrisNet.java\t/t/x/IrisSmall.java\n",
        Files.readString(file));
    assertEquals(Optional.of(state), IncrementalState.read(file));
  }

  @Test
  void aMissingDamagedOrForeignFileReadsAsNoState(@TempDir Path dir) throws IOException {
    assertTrue(IncrementalState.read(dir.resolve("none")).isEmpty());
    assertTrue(IncrementalState.parse("netc-state 1\nfingerprint\tfp\n").isEmpty());
    assertTrue(IncrementalState.parse("netc-state 2\nfingerprint\tfp\ninput\ta.nn\n").isEmpty());
    assertTrue(
        IncrementalState.parse("netc-state 2\nfingerprint\tfp\ninput\ta.nn\th\tx\n").isEmpty());
    assertTrue(IncrementalState.parse("").isEmpty());
  }
}
