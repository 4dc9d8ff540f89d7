package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import org.junit.jupiter.api.Test;

/**
 * The inits of a convolution treat a filter as a unit whose inputs are its window: fan-in {@code kh
 * * kw * channels}, fan-out {@code kh * kw * filters}; the views show W as filters x (kh * kw *
 * channels).
 */
class ConvInitTest {

  @Test
  void xavierAndHeUseTheWindowsFans() {
    String body =
        " { input 12 x 12 x 3; conv 8 5x5 relu; maxpool 2x2; dense 4 softmax;"
            + " loss cross_entropy; init %s(seed = 9); }";
    Compiled compiled =
        Compiled.of(
            Nets.parse("network XavierConv" + String.format(body, "xavier")),
            Nets.parse("network HeConv" + String.format(body, "he")));
    int fanIn = 5 * 5 * 3;
    int fanOut = 5 * 5 * 8;

    CompiledNetwork xavier = compiled.create("XavierConv");
    ParameterTensor w = xavier.weights(1);
    assertThat(w.rows()).isEqualTo(8);
    assertThat(w.cols()).isEqualTo(fanIn);
    double bound = Math.sqrt(6.0 / (fanIn + fanOut));
    double largest = 0;
    for (double v : w.toArray()) {
      largest = Math.max(largest, Math.abs(v));
    }
    // 600 uniform draws in (-bound, bound): the largest is near the bound, and a bound from the
    // dense rule (fan-out = 8 filters) would be more than twice as large
    assertThat(largest).isAtMost(bound);
    assertThat(largest).isGreaterThan(0.95 * bound);
    assertThat(xavier.bias(1).toArray()).isEqualTo(new double[8]);

    CompiledNetwork he = compiled.create("HeConv");
    double sum = 0;
    double[] values = he.weights(1).toArray();
    for (double v : values) {
      sum += v * v;
    }
    double sd = Math.sqrt(sum / values.length);
    assertThat(sd).isWithin(0.15 * Math.sqrt(2.0 / fanIn)).of(Math.sqrt(2.0 / fanIn));
  }
}
