package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.List;

/**
 * The checks of a generated class with dropout that do not depend on its layers' kind: the
 * documented mask stream, the fused step against accumulate and apply, float against double with
 * the same masks, and prediction untouched.
 */
final class DropoutChecks {
  private DropoutChecks() {}

  /** Unit i of layer l is kept for key: the documented stream, through NetcRandom. */
  static boolean kept(long key, int layer, int unit, double rate) {
    NetcRandom random = new NetcRandom(NetcRandom.mix(key + layer * NetcRandom.GOLDEN_GAMMA));
    double u = 0;
    for (int i = 0; i <= unit; i++) {
      u = random.nextDouble();
    }
    return u >= rate;
  }

  /**
   * Sets the parameters of {@code layers} (by number) from the reference's {@code weights} (one row
   * per unit or filter) and {@code biases}, accumulates the gradient of its examples from key
   * {@code firstKey} on, and compares each loss and every gradient with the reference's within
   * {@code 1e-12 + 1e-9 |x|}. Returns the number of weight gradients compared.
   */
  static int assertMatchesReference(DropoutNetwork net, JsonNode ref, List<Integer> layers) {
    for (int p = 0; p < layers.size(); p++) {
      int l = layers.get(p);
      JsonNode w = ref.get("weights").get(p);
      ParameterTensor weights = net.weights(l);
      assertThat(weights.size()).isEqualTo(w.size() * w.get(0).size());
      for (int i = 0; i < w.size(); i++) {
        for (int j = 0; j < w.get(i).size(); j++) {
          weights.set(i * w.get(i).size() + j, w.get(i).get(j).asDouble());
        }
      }
      JsonNode b = ref.get("biases").get(p);
      for (int i = 0; i < b.size(); i++) {
        net.bias(l).set(i, b.get(i).asDouble());
      }
    }
    net.clearGradient();
    net.dropoutKey(ref.get("firstKey").asLong()); // then one more per example
    for (int e = 0; e < ref.get("inputs").size(); e++) {
      double[] x = values(ref.get("inputs").get(e));
      double[] t = values(ref.get("targets").get(e));
      double expected = ref.get("losses").get(e).asDouble();
      assertWithMessage("loss of example %s", e)
          .that(net.accumulateGradient(x, t))
          .isWithin(1e-12 + 1e-9 * Math.abs(expected))
          .of(expected);
    }
    int compared = 0;
    for (int p = 0; p < layers.size(); p++) {
      int l = layers.get(p);
      JsonNode gw = ref.get("weightGradients").get(p);
      ParameterTensor dw = net.weightGradient(l);
      for (int i = 0; i < gw.size(); i++) {
        for (int j = 0; j < gw.get(i).size(); j++) {
          double expected = gw.get(i).get(j).asDouble();
          assertWithMessage("dW%s[%s][%s]", l, i, j)
              .that(dw.get(i * gw.get(i).size() + j))
              .isWithin(1e-12 + 1e-9 * Math.abs(expected))
              .of(expected);
          compared++;
        }
      }
      double[] gb = values(ref.get("biasGradients").get(p));
      for (int i = 0; i < gb.length; i++) {
        assertWithMessage("db%s[%s]", l, i)
            .that(net.biasGradient(l).get(i))
            .isWithin(1e-12 + 1e-9 * Math.abs(gb[i]))
            .of(gb[i]);
      }
    }
    return compared;
  }

  private static double[] values(JsonNode array) {
    double[] values = new double[array.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = array.get(k).asDouble();
    }
    return values;
  }

  /** Copies every parameter of {@code from} into {@code to}. */
  static void copyParameters(CompiledNetwork from, CompiledNetwork to) {
    List<ParameterTensor> source = from.parameters();
    List<ParameterTensor> target = to.parameters();
    for (int p = 0; p < source.size(); p++) {
      for (int k = 0; k < source.get(p).size(); k++) {
        target.get(p).set(k, source.get(p).get(k));
      }
    }
  }

  /**
   * {@code trainStep} of {@code fused} and {@code accumulateGradient} then {@code applyGradient} of
   * {@code plain} (two instances with the same parameters), example by example with the same keys
   * and weights 1 and 0.75: the same losses and parameters, bit for bit.
   */
  static void assertFusedIsAccumulateThenApply(
      String name, DropoutNetwork fused, DropoutNetwork plain, double[][][] data) {
    for (int e = 0; e < data[0].length; e++) {
      fused.dropoutKey(e * 31L);
      plain.dropoutKey(e * 31L);
      double weight = e % 2 == 0 ? 1.0 : 0.75;
      double a = fused.trainStep(data[0][e], data[1][e], weight);
      double b = plain.accumulateGradient(data[0][e], data[1][e], weight);
      plain.applyGradient(1.0);
      assertWithMessage("%s loss %s", name, e).that(a).isEqualTo(b);
    }
    ParameterBits.assertSameBits(
        name, ParameterBits.values(plain.parameters()), ParameterBits.values(fused.parameters()));
  }

  /**
   * The double class {@code wide}, given the float class's (rounded) parameters, and the float
   * class {@code single}: the same losses and gradients within float's precision, with the same
   * masks.
   */
  static void assertFloatFollowsDouble(
      String name, DropoutNetwork wide, DropoutNetwork single, double[][][] data) {
    copyParameters(single, wide);
    for (int e = 0; e < data[0].length; e++) {
      wide.dropoutKey(e);
      single.dropoutKey(e);
      double a = wide.accumulateGradient(data[0][e], data[1][e]);
      double b = single.accumulateGradient(data[0][e], data[1][e]);
      assertWithMessage("%s loss %s", name, e).that(b).isWithin(1e-5 + 1e-4 * Math.abs(a)).of(a);
    }
    List<double[]> g = ParameterBits.values(wide.gradients());
    List<double[]> f = ParameterBits.values(single.gradients());
    for (int p = 0; p < g.size(); p++) {
      for (int k = 0; k < g.get(p).length; k++) {
        assertWithMessage("%s gradient %s[%s]", name, p, k)
            .that(f.get(p)[k])
            .isWithin(1e-5 + 1e-4 * Math.abs(g.get(p)[k]))
            .of(g.get(p)[k]);
      }
    }
  }

  /**
   * Trains {@code dropout} on the examples (the parameters move, with masks), copies its parameters
   * into {@code plain}, the same network without dropout: predict, classify and loss give the same
   * bits, and use no key.
   */
  static void assertPredictionIgnoresDropout(
      DropoutNetwork dropout, CompiledNetwork plain, double[][][] data) {
    int n = data[0].length;
    for (int e = 0; e < n; e++) {
      dropout.trainStep(data[0][e], data[1][e]);
    }
    copyParameters(dropout, plain);
    long key = dropout.dropoutKey();
    for (int e = 0; e < n; e++) {
      double[] expected = plain.predict(data[0][e]);
      double[] actual = dropout.predict(data[0][e]);
      for (int k = 0; k < expected.length; k++) {
        assertThat(Double.doubleToRawLongBits(actual[k]))
            .isEqualTo(Double.doubleToRawLongBits(expected[k]));
      }
      assertThat(dropout.classify(data[0][e])).isEqualTo(plain.classify(data[0][e]));
      assertThat(dropout.loss(data[0][e], data[1][e]))
          .isEqualTo(plain.loss(data[0][e], data[1][e]));
    }
    assertWithMessage("prediction uses no key").that(dropout.dropoutKey()).isEqualTo(key);
  }
}
