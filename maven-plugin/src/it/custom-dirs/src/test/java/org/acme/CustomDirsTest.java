package org.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import deep.er.InnerNet;
import org.junit.jupiter.api.Test;

class CustomDirsTest {
  @Test
  void classesCompiledFromTheCustomOutputFolder() {
    assertEquals(2, new TopNet().outputSize());
    assertEquals(3, new InnerNet().inputSize());
  }
}
