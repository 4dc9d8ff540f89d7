package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.iris.IrisNet;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
import nets.Regressor;
import nets.Tiny;
import org.junit.jupiter.api.Test;

/** Uses the classes the plugin generated, through the runtime's interface and trainer. */
class NetworksTest {

  @Test
  void xorLearns() {
    CompiledNetwork net = new XorNet();
    double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    double[][] t = {{0}, {1}, {1}, {0}};
    new Trainer().epochs(2000).batchSize(1).train(net, Dataset.of(x, t));
    for (int i = 0; i < 4; i++) {
      double y = net.predict(x[i])[0];
      assertEquals(t[i][0], y, 0.2, "xor(" + x[i][0] + ", " + x[i][1] + ") = " + y);
    }
  }

  @Test
  void classesHaveTheShapesOfTheirFiles() {
    CompiledNetwork iris = new IrisNet();
    assertEquals(4, iris.inputSize());
    assertEquals(3, iris.outputSize());
    assertEquals("com.example.iris.IrisNet", iris.spec().qualifiedName());
    assertEquals(3, new Regressor().inputSize());
    double[] y = iris.predict(new double[] {5.1, 3.5, 1.4, 0.2});
    assertEquals(1.0, y[0] + y[1] + y[2], 1e-12);
  }

  @Test
  void explicitWeightsGiveMazursForwardPass() {
    // Mazur's worked example: outputs 0.75136507 and 0.772928465 for input (0.05, 0.10).
    double[] y = new Tiny().predict(new double[] {0.05, 0.10});
    assertEquals(0.7513650695523157, y[0], 1e-12);
    assertEquals(0.7729284653214625, y[1], 1e-12);
    assertTrue(new Tiny().loss(new double[] {0.05, 0.10}, new double[] {0.01, 0.99}) > 0.298);
  }
}
