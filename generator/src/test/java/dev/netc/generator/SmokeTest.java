package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.runtime.network.CompiledNetwork;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void irisSizedNetworkCompilesAndTrains() {
    Network net =
        Nets.network("Iris", 4)
            .dense(8, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .build();
    Compiled c = Compiled.of(net);
    CompiledNetwork n = c.create("Iris");
    double[] x = {0.1, 0.2, 0.3, 0.4};
    double[] t = {0, 1, 0};
    double first = n.trainStep(x, t);
    for (int k = 0; k < 100; k++) {
      n.trainStep(x, t);
    }
    assertThat(n.loss(x, t)).isLessThan(first);
  }
}
