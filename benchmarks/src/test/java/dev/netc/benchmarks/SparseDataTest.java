package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.network.CompiledNetwork;
import org.junit.jupiter.api.Test;

class SparseDataTest {

  @Test
  void oneHotRowsHaveOneLevelPerColumnAndRareLevels() {
    double[][][] data = SparseData.load("onehot");
    double[][] x = data[0];
    assertEquals(SparseData.EXAMPLES, x.length);
    int[] perLevel = new int[16];
    for (double[] row : x) {
      assertEquals(192, row.length);
      for (int c = 0; c < 12; c++) {
        int ones = 0;
        for (int level = 0; level < 16; level++) {
          if (row[c * 16 + level] == 1) {
            ones++;
            perLevel[level]++;
          } else {
            assertEquals(0.0, row[c * 16 + level]);
          }
        }
        assertEquals(1, ones, "one level per column");
      }
    }
    // about half the draws are level 0, and the levels from 8 on are rare (about 0.4 % together)
    assertTrue(perLevel[0] > 5000 && perLevel[0] < 7000, "level 0: " + perLevel[0]);
    assertTrue(perLevel[8] < 60, "level 8: " + perLevel[8]);
    for (double[] t : data[1]) {
      assertEquals(1.0, t[0] + t[1] + t[2] + t[3]);
    }
  }

  @Test
  void everySparseNetworkFitsItsData() {
    for (String optimizer : new String[] {"adam", "momentum", "rmsprop"}) {
      for (String precision : new String[] {"double", "float"}) {
        CompiledNetwork net = SparseData.network("onehot", optimizer, precision);
        assertEquals(192, net.inputSize());
        assertEquals(4, net.outputSize());
        assertEquals(784, SparseData.network("fashion", optimizer, precision).inputSize());
        assertTrue(net.optimizerState().size() > 0, optimizer + " has state");
      }
    }
  }
}
