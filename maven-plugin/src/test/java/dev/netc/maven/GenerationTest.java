package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerationTest {

  @Test
  void theFailureLineCountsErrorsWarningsAndFiles() {
    assertEquals("netc: 1 error in 1 file", Generation.failureMessage(1, 0, 1));
    assertEquals("netc: 3 errors in 2 files", Generation.failureMessage(3, 0, 2));
    assertEquals("netc: 2 warnings in 1 file (failOnWarning)", Generation.failureMessage(0, 2, 1));
    assertEquals(
        "netc: 1 error and 1 warning in 2 files (failOnWarning)",
        Generation.failureMessage(1, 1, 2));
  }

  private static GenerationRequest request(Path base, String packageName) {
    return new GenerationRequest(
        base,
        base.resolve("src/main/netc"),
        base.resolve("target/generated-sources/netc"),
        base.resolve("target/generated-test-sources/netc"),
        List.of("**/*.nn"),
        List.of(),
        Optional.ofNullable(packageName),
        StandardCharsets.UTF_8,
        false,
        false,
        base.resolve("target/maven-status/netc/generate/default/state"),
        "0.1.0");
  }

  @Test
  void aMovedProjectKeepsItsConfigurationFingerprint() {
    assertEquals(
        "sourceDirectory=src/main/netc\noutputDirectory=target/generated-sources/netc\n"
            + "testOutputDirectory=target/generated-test-sources/netc\npackageName=\n"
            + "encoding=UTF-8\ngenerateTests=false\nfailOnWarning=false\n",
        request(Path.of("/home/a/project"), null).configurationText());
    assertEquals(
        request(Path.of("/home/a/project"), "x").configurationText(),
        request(Path.of("/tmp/copy"), "x").configurationText());
  }
}
