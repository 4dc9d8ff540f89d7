package dev.netc.generator;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.network.Scoring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code classify(x)} is the first largest output of {@code predict(x)}, exactly, in double and
 * float: for random inputs of several scales, and for logits set through the output layer's
 * parameters to exact ties, to differences of 1 ulp and of a few times the threshold T below which
 * a softmax network's {@code classify} takes the softmax, and to NaN and infinities. Unrolled and
 * looped output layers, dropout, convolution, and outputs other than softmax.
 */
class ClassifyTest {
  private static final List<String> NAMES = new ArrayList<>();
  private static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    List<Network> networks = new ArrayList<>();
    List<Network> doubles =
        List.of(
            Nets.network("ClassifyUnrolled", 5)
                .dense(6, Activation.TANH)
                .dense(4, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .build(),
            // 16 x 13 = 208 weights: the output layer is looped (and the class has batch methods)
            Nets.network("ClassifyLooped", 20)
                .dense(16, Activation.RELU)
                .dense(13, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .build(),
            Nets.network("ClassifyDropout", 6)
                .dense(10, Activation.RELU)
                .dropout(0.5)
                .dense(3, Activation.SOFTMAX)
                .loss(Loss.CROSS_ENTROPY)
                .build(),
            Nets.network("ClassifySigmoid", 5)
                .dense(6, Activation.TANH)
                .dense(3, Activation.SIGMOID)
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .build(),
            Nets.parse(
                """
                package test.nets;
                network ClassifyConv {
                    input 6 x 6 x 1;
                    conv 2 3x3 relu;
                    maxpool 2x2;
                    dense 3 softmax;
                    loss cross_entropy;
                }
                """));
    for (Network n : doubles) {
      networks.add(n);
      networks.add(Nets.rename(n, n.name() + "Float", Precision.FLOAT));
      NAMES.add(n.name());
      NAMES.add(n.name() + "Float");
    }
    compiled = Compiled.of(networks);
  }

  @Test
  void randomInputsOfSeveralScales() {
    Random random = new Random(11);
    for (String name : NAMES) {
      CompiledNetwork net = compiled.create(name);
      for (double scale : new double[] {1e-3, 1, 30, 1e4}) {
        for (int r = 0; r < 500; r++) {
          double[] x = new double[net.inputSize()];
          for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian() * scale;
          }
          check(net, x, name + " scale " + scale);
        }
      }
    }
  }

  @Test
  void logitsAtAndAroundTheThreshold() {
    Random random = new Random(12);
    for (String name : NAMES) {
      if (name.startsWith("ClassifySigmoid")) {
        continue;
      }
      CompiledNetwork net = compiled.create(name);
      boolean isFloat = name.endsWith("Float");
      double t = isFloat ? 0x1p-16 : 0x1p-40;
      int n = net.outputSize();
      List<ParameterTensor> views = net.parameters();
      ParameterTensor w = views.get(views.size() - 2);
      ParameterTensor b = views.get(views.size() - 1);
      // W = 0: the logits are the bias, exactly
      for (int k = 0; k < w.size(); k++) {
        w.set(k, 0.0);
      }
      double[] input = new double[net.inputSize()];
      for (int i = 0; i < input.length; i++) {
        input[i] = random.nextGaussian();
      }
      double[] gaps = {0, 1, -1, 2, t / 2, t, 2 * t, 3 * t, 8 * t, 1.0 / 64};
      for (double v : new double[] {0.0, 0.75, -3.0, 100.0, 1e-3, 7e30}) {
        double ulp = isFloat ? Math.ulp((float) v) : Math.ulp(v);
        for (double gap : gaps) {
          // gaps of 0, 1 and 2 ulp (and 1 ulp above), and of fractions and multiples of T (the
          // threshold is absolute); one or two other logits there, at every position
          double delta = gap == 1 || gap == 2 || gap == -1 ? gap * ulp : gap;
          for (int best = 0; best < n; best++) {
            for (int other = 0; other < n; other++) {
              double[] logits = new double[n];
              for (int k = 0; k < n; k++) {
                logits[k] = v - 1.0 - k;
              }
              logits[best] = v;
              if (other != best) {
                logits[other] = v - delta;
                logits[(other + 1) % n] = (other + 1) % n == best ? v : v - delta * 2;
              }
              setAll(b, logits, isFloat);
              check(net, input, name + " logits " + Arrays.toString(logits));
            }
          }
        }
      }
      double inf = Double.POSITIVE_INFINITY;
      double nan = Double.NaN;
      double[][] special = {
        {inf, 1},
        {1, inf},
        {inf, inf},
        {-inf, -inf},
        {-inf, 1},
        {1, -inf},
        {nan, 1},
        {1, nan},
        {nan, nan},
        {-inf, nan},
        {inf, nan},
        {0.0, -0.0},
        {-0.0, 0.0},
        {Double.MAX_VALUE, -Double.MAX_VALUE},
        {-Double.MAX_VALUE, Double.MAX_VALUE},
        {Double.MIN_VALUE, 0.0},
        {Float.MAX_VALUE, -Float.MAX_VALUE}
      };
      for (double[] pair : special) {
        for (int first = 0; first < n; first++) {
          double[] logits = new double[n];
          Arrays.fill(logits, -5.0);
          logits[first] = pair[0];
          logits[(first + 1) % n] = pair[1];
          setAll(b, logits, isFloat);
          check(net, input, name + " logits " + Arrays.toString(logits));
        }
      }
      // a NaN or an infinite input
      for (double x : new double[] {nan, inf, -inf}) {
        double[] bad = input.clone();
        bad[0] = x;
        check(net, bad, name + " input " + x);
      }
    }
  }

  @Test
  void rowsOfWEqualOrApartByABit() {
    Random random = new Random(13);
    for (String name : NAMES) {
      CompiledNetwork net = compiled.create(name);
      boolean isFloat = name.endsWith("Float");
      double t = isFloat ? 0x1p-16 : 0x1p-40;
      List<ParameterTensor> views = net.parameters();
      ParameterTensor w = views.get(views.size() - 2);
      ParameterTensor b = views.get(views.size() - 1);
      int n = net.outputSize();
      for (double gap : new double[] {0, t, 2 * t, -t}) {
        for (int copy = 1; copy < n; copy++) {
          // row `copy` of W is row 0: the same sum, in the same order; its bias differs by gap
          for (int j = 0; j < w.cols(); j++) {
            w.set(copy, j, w.get(0, j));
          }
          b.set(copy, b.get(0) + gap);
          for (int r = 0; r < 100; r++) {
            double[] x = new double[net.inputSize()];
            for (int i = 0; i < x.length; i++) {
              x[i] = random.nextGaussian();
            }
            check(net, x, name + " row " + copy + " gap " + gap);
          }
        }
      }
    }
  }

  @Test
  void aDropoutNetworkClassifiesWithoutItsMasks() {
    for (String name : List.of("ClassifyDropout", "ClassifyDropoutFloat")) {
      CompiledNetwork net = compiled.create(name);
      double[] x = {0.5, -1, 2, 0.25, -0.75, 1.5};
      double[] target = {0, 1, 0};
      for (int s = 0; s < 20; s++) {
        net.trainStep(x, target);
      }
      ((DropoutNetwork) net).dropoutKey(3);
      check(net, x, name);
    }
  }

  private static void setAll(ParameterTensor b, double[] values, boolean isFloat) {
    for (int k = 0; k < values.length; k++) {
      b.set(k, isFloat ? (float) values[k] : values[k]);
    }
  }

  /** classify(x), before and after predict(x), is the first largest output. */
  private static void check(CompiledNetwork net, double[] x, String what) {
    int first = net.classify(x);
    double[] output = new double[net.outputSize()];
    net.predict(x, output);
    int expected = Scoring.argmax(output);
    assertWithMessage("%s: outputs %s", what, Arrays.toString(output))
        .that(first)
        .isEqualTo(expected);
    assertWithMessage("%s (after predict)", what).that(net.classify(x)).isEqualTo(expected);
  }
}
