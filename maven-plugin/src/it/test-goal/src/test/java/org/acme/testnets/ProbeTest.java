package org.acme.testnets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void testNetworkIsOnTheTestClasspath() {
    // tanh(0.5 + 0.5) twice, times 0.5 each: 2 * 0.5 * tanh(1)
    assertEquals(Math.tanh(1.0), new Probe().predict(new double[] {1, 1})[0], 1e-12);
  }
}
