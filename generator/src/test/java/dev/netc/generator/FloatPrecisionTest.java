package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code precision float} classes against the double class of the same network: same parameters
 * (rounded to float), outputs, losses and gradients within float tolerance, and a few training
 * steps of every optimizer.
 */
class FloatPrecisionTest {
  static final List<Nets> PAIRS = new ArrayList<>();
  static Compiled compiled;

  static List<Nets> networks() {
    return List.of(
        Nets.network("F1", 4)
            .dense(8, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Sgd(0.05, 0.9, false)),
        Nets.network("F2", 20)
            .dense(16, Activation.SIGMOID)
            .dense(12, Activation.RELU)
            .dense(2, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8))
            .l2(0.01),
        Nets.network("F3", 6)
            .dense(40, Activation.ELU)
            .dense(3, Activation.LINEAR)
            .loss(Loss.MEAN_SQUARED_ERROR)
            .optimizer(new Optimizer.RmsProp(0.01, 0.9, 1e-8))
            .clip(new Clip.Norm(1)),
        Nets.network("F4", 5)
            .dense(7, Activation.SOFTPLUS)
            .dense(4, Activation.LEAKY_RELU)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.SQUARED_ERROR)
            .optimizer(new Optimizer.AdaGrad(0.05, 1e-8))
            .clip(new Clip.Value(0.5)),
        Nets.network("F5", 30)
            .dense(20, Activation.TANH)
            .dense(2, Activation.TANH)
            .loss(Loss.SQUARED_ERROR)
            .optimizer(new Optimizer.Sgd(0.05, 0.5, true)),
        Nets.network("F6", 64)
            .dense(32, Activation.TANH)
            .dense(10, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8)),
        Nets.network("F7", 100)
            .dense(24, Activation.SIGMOID)
            .dense(5, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Sgd(0.05, 0, false)),
        // a looped sigmoid layer of 32 units: e^-z in the loops C2 vectorizes (F6: tanh)
        Nets.network("F8", 16)
            .dense(32, Activation.SIGMOID)
            .dense(4, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8)));
  }

  @BeforeAll
  static void compileAll() {
    List<Network> all = new ArrayList<>();
    int seed = 0;
    for (Nets nets : networks()) {
      all.add(nets.init(new Init.He(++seed)).build());
    }
    for (Nets nets : networks()) {
      Network d = nets.build();
      all.add(Nets.rename(d, d.name() + "Float", Precision.FLOAT));
    }
    compiled = Compiled.of(all);
  }

  @Test
  void floatClassesAgreeWithTheDoubleClassWithinFloatTolerance() {
    for (Nets nets : networks()) {
      String name = nets.build().name();
      CompiledNetwork d = compiled.create(name);
      CompiledNetwork f = compiled.create(name + "Float");
      Random random = new Random(name.hashCode());
      // same parameters: the double network takes the float network's (rounded) values
      for (int p = 0; p < d.parameters().size(); p++) {
        ParameterTensor fp = f.parameters().get(p);
        for (int k = 0; k < fp.size(); k++) {
          fp.set(k, d.parameters().get(p).get(k));
        }
        d.parameters().get(p).setAll(fp.toArray());
      }
      for (int step = 0; step < 4; step++) {
        double[] x = new double[d.inputSize()];
        for (int k = 0; k < x.length; k++) {
          x[k] = 2 * random.nextDouble() - 1;
        }
        double[] t = new double[d.outputSize()];
        t[random.nextInt(t.length)] = 1;
        close(name + " output", d.predict(x), f.predict(x), 1e-5);
        close(name + " loss", new double[] {d.loss(x, t)}, new double[] {f.loss(x, t)}, 1e-5);
        d.clearGradient();
        f.clearGradient();
        d.accumulateGradient(x, t);
        f.accumulateGradient(x, t);
        for (int p = 0; p < d.gradients().size(); p++) {
          close(
              name + " " + d.gradients().get(p).name(),
              d.gradients().get(p).toArray(),
              f.gradients().get(p).toArray(),
              1e-4);
        }
        d.applyGradient(1.0);
        f.applyGradient(1.0);
        for (int p = 0; p < d.parameters().size(); p++) {
          close(
              name + " step " + step + " " + d.parameters().get(p).name(),
              d.parameters().get(p).toArray(),
              f.parameters().get(p).toArray(),
              1e-4);
        }
        // the fused stochastic step (its own loops: several columns per pass in float)
        d.trainStep(x, t);
        f.trainStep(x, t);
        for (int p = 0; p < d.parameters().size(); p++) {
          close(
              name + " fused step " + step + " " + d.parameters().get(p).name(),
              d.parameters().get(p).toArray(),
              f.parameters().get(p).toArray(),
              1e-4);
        }
      }
    }
  }

  /**
   * The float classes' {@code expFloat} against {@code Math.exp}: within 1 ulp of the float nearest
   * e^x on 2^21 arguments spread evenly over the floats of [-86.98, 88.72] (the generator's
   * Javadoc: every float was checked once), and its documented limits outside it.
   */
  @Test
  void expFloatIsWithinOneUlpOfExp() throws Exception {
    Method exp = expFloat();
    int low = Float.floatToRawIntBits(-86.98f);
    int high = Float.floatToRawIntBits(88.72f);
    long negatives =
        low - Integer.MIN_VALUE + 1L; // bits of -86.98 down to -0 run from low to MIN_VALUE
    long total = negatives + high + 1L;
    long stride = Math.max(1, total / (1 << 21));
    double worst = 0;
    for (long k = 0; k < total; k += stride) {
      float x =
          k < negatives
              ? Float.intBitsToFloat((int) (low - k))
              : Float.intBitsToFloat((int) (k - negatives));
      float got = (float) exp.invoke(null, x);
      double exact = Math.exp(x);
      worst = Math.max(worst, Math.abs(got - exact) / Math.ulp((float) exact));
    }
    assertWithMessage("largest error in ulp").that(worst).isAtMost(1.0);
    assertThat((float) exp.invoke(null, 0f)).isEqualTo(1f);
    assertThat((float) exp.invoke(null, 1f)).isWithin(Math.ulp(2.7182817f)).of(2.7182817f);
    // n = round(x / ln 2) <= -126 gives 0: e^-87 (n = -126) would be a normal number, e^-88 not
    assertThat((float) exp.invoke(null, -86.9f)).isGreaterThan(Float.MIN_NORMAL);
    assertThat((float) exp.invoke(null, -87f)).isEqualTo(0f);
    assertThat((float) exp.invoke(null, -1e30f)).isEqualTo(0f);
    assertThat((float) exp.invoke(null, Float.NEGATIVE_INFINITY)).isEqualTo(0f);
    // rounded once up to Float.MAX_VALUE (e^88.72 = 3.393e38), infinity beyond
    float top = (float) Math.exp(88.72f);
    assertThat(top).isLessThan(Float.MAX_VALUE);
    assertThat((float) exp.invoke(null, 88.72f)).isWithin(Math.ulp(top)).of(top);
    assertThat((float) exp.invoke(null, 88.73f)).isPositiveInfinity();
    assertThat((float) exp.invoke(null, 1e30f)).isPositiveInfinity();
    assertThat((float) exp.invoke(null, Float.POSITIVE_INFINITY)).isPositiveInfinity();
    assertThat((float) exp.invoke(null, Float.NaN)).isNaN();
  }

  /**
   * The loops that take e^x over a float sigmoid or tanh layer of 32 units or more (F8, F6) give
   * the bits of {@code expFloat}: z1 set through b1 (W1 = 0) to floats spread over every magnitude,
   * the boundaries of the clamp and the flush, infinities and NaN; x1 read back and compared with
   * {@code 1 / (1 + expFloat(-z))} and {@code 1 - 2 / (expFloat(2z) + 1)}.
   */
  @Test
  void expLoopsGiveTheBitsOfExpFloat() throws Exception {
    Method exp = expFloat();
    float[] special = {
      0f,
      -0f,
      1e-30f,
      -1e-30f,
      86.99f,
      -86.99f,
      87f,
      -87f,
      88.72f,
      -88.72f,
      88.73f,
      -88.73f,
      44.36f,
      -44.36f,
      89.5f,
      -89.5f,
      90f,
      -90f,
      1e30f,
      -1e30f,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.NaN,
      Float.MIN_VALUE,
      Float.MAX_VALUE,
      -Float.MAX_VALUE
    };
    for (String name : List.of("F8Float", "F6Float")) {
      CompiledNetwork net = compiled.create(name);
      boolean sigmoid = name.equals("F8Float");
      Field x1 = net.getClass().getDeclaredField("x1");
      x1.setAccessible(true);
      ParameterTensor w1 = net.parameters().get(0);
      ParameterTensor b1 = net.parameters().get(1);
      assertThat(b1.size()).isEqualTo(32);
      w1.setAll(new double[w1.size()]);
      Random random = new Random(8);
      double[] input = new double[net.inputSize()];
      for (int call = 0; call < 4000; call++) {
        float[] z = new float[32];
        for (int i = 0; i < 32; i++) {
          int pick = call * 32 + i;
          z[i] =
              pick < special.length
                  ? special[pick]
                  : i % 2 == 0
                      ? Float.intBitsToFloat(random.nextInt())
                      : (random.nextFloat() - 0.5f) * 200f;
          b1.set(i, z[i]);
        }
        net.predict(input, new double[net.outputSize()]);
        float[] got = (float[]) x1.get(net);
        for (int i = 0; i < 32; i++) {
          float expected =
              sigmoid
                  ? 1.0f / (1.0f + (float) exp.invoke(null, -z[i]))
                  : 1.0f - 2.0f / ((float) exp.invoke(null, 2.0f * z[i]) + 1.0f);
          assertWithMessage("%s at z = %s", name, z[i])
              .that(Float.floatToIntBits(got[i]))
              .isEqualTo(Float.floatToIntBits(expected));
        }
      }
    }
  }

  private static Method expFloat() throws NoSuchMethodException {
    Method exp = compiled.create("F1Float").getClass().getDeclaredMethod("expFloat", float.class);
    exp.setAccessible(true);
    return exp;
  }

  /** Within {@code tol} of the largest magnitude of {@code expected} (and of 1). */
  static void close(String what, double[] expected, double[] actual, double tol) {
    double scale = 1;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int k = 0; k < expected.length; k++) {
      assertWithMessage("%s[%s]", what, k).that(actual[k]).isWithin(tol * scale).of(expected[k]);
    }
  }
}
