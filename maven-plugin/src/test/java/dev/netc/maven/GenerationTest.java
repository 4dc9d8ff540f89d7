package dev.netc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
