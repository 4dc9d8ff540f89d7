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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The weighted entry points of a generated class ({@code accumulateGradient(input, target,
 * weight)}, {@code trainStep(input, target, weight)}), as class weights use them: central
 * differences of the weighted loss {@code weight * E}; weight 1 bit for bit the unweighted methods;
 * the fused weighted step bit for bit the weighted gradient then {@code applyGradient(1)}. Shapes
 * unrolled and looped, every loss, double and float.
 */
class WeightedGradientTest {
  record Case(String name, Network network, Loss loss) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    add(
        Nets.network("W0", 3)
            .init(new Init.Xavier(1))
            .dense(5, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Sgd(0.1, 0.9, false)),
        Loss.CROSS_ENTROPY);
    add(
        Nets.network("W1", 4)
            .init(new Init.Xavier(2))
            .dense(6, Activation.SIGMOID)
            .dense(2, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY),
        Loss.BINARY_CROSS_ENTROPY);
    add(
        Nets.network("W2", 20)
            .init(new Init.Xavier(3))
            .dense(16, Activation.TANH)
            .dense(18, Activation.ELU, 0.7)
            .dense(3, Activation.LINEAR)
            .loss(Loss.MEAN_SQUARED_ERROR)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8)),
        Loss.MEAN_SQUARED_ERROR);
    add(
        Nets.network("W3", 3)
            .init(new Init.Xavier(4))
            .dense(5, Activation.SIGMOID)
            .dense(2, Activation.LINEAR)
            .loss(Loss.SQUARED_ERROR)
            .l2(0.01)
            .clip(new Clip.Norm(0.5)),
        Loss.SQUARED_ERROR);
    add(
        Nets.network("W4", 20)
            .init(new Init.Xavier(5))
            .dense(16, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .precision(Precision.FLOAT),
        Loss.CROSS_ENTROPY);
    compiled = Compiled.of(CASES.stream().map(Case::network).toList());
  }

  private static void add(Nets nets, Loss loss) {
    Network network = nets.build();
    CASES.add(new Case(network.name(), network, loss));
  }

  private CompiledNetwork create(Case c) {
    return compiled.create(c.name());
  }

  private static double[][][] examples(CompiledNetwork net, Case c) {
    return GradientCheckTest.examples(net, c.loss(), 77, 4);
  }

  @Test
  void weightOneIsBitForBitTheUnweightedGradientAndStep() {
    for (Case c : CASES) {
      CompiledNetwork plain = create(c);
      CompiledNetwork weighted = create(c);
      double[][][] data = examples(plain, c);
      examples(weighted, c);
      for (int e = 0; e < data[0].length; e++) {
        assertThat(weighted.accumulateGradient(data[0][e], data[1][e], 1.0))
            .isEqualTo(plain.accumulateGradient(data[0][e], data[1][e]));
      }
      ParameterBits.assertSameBits(
          c.name() + " gradient",
          ParameterBits.values(plain.gradients()),
          ParameterBits.values(weighted.gradients()));
      plain.applyGradient(1.0);
      weighted.applyGradient(1.0);
      for (int e = 0; e < data[0].length; e++) {
        assertThat(weighted.trainStep(data[0][e], data[1][e], 1.0))
            .isEqualTo(plain.trainStep(data[0][e], data[1][e]));
      }
      ParameterBits.assertSameBits(
          c.name() + " parameters",
          ParameterBits.values(plain.parameters()),
          ParameterBits.values(weighted.parameters()));
    }
  }

  @Test
  void theWeightedGradientIsTheCentralDifferenceOfTheWeightedLoss() {
    int checked = 0;
    for (Case c : CASES) {
      if (c.network().precision() == Precision.FLOAT) {
        continue; // central differences need double; the float class is checked below
      }
      for (double weight : new double[] {2.5, 0.3}) {
        CompiledNetwork net = create(c);
        double[][][] data = examples(net, c);
        double[] x = data[0][1];
        double[] t = data[1][1];
        net.clearGradient();
        double e = net.accumulateGradient(x, t, weight);
        assertWithMessage("%s weighted loss", c.name())
            .that(e)
            .isWithin(1e-15 * Math.abs(e))
            .of(weight * net.loss(x, t));
        double h = 1e-6;
        for (int p = 0; p < net.parameters().size(); p++) {
          ParameterTensor theta = net.parameters().get(p);
          for (int k = 0; k < theta.size(); k++) {
            double saved = theta.get(k);
            theta.set(k, saved + h);
            double plus = weight * net.loss(x, t);
            theta.set(k, saved - h);
            double minus = weight * net.loss(x, t);
            theta.set(k, saved);
            double numeric = (plus - minus) / (2 * h);
            double analytic = net.gradients().get(p).get(k);
            assertWithMessage("%s weight %s, %s[%s]", c.name(), weight, theta.name(), k)
                .that(analytic)
                .isWithin(1e-8 + 1e-6 * Math.max(Math.abs(analytic), Math.abs(numeric)))
                .of(numeric);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void theFloatClassWeightsItsGradientToo() {
    Case c = CASES.get(CASES.size() - 1);
    CompiledNetwork plain = create(c);
    CompiledNetwork weighted = create(c);
    double[][][] data = examples(plain, c);
    examples(weighted, c);
    plain.accumulateGradient(data[0][0], data[1][0]);
    weighted.accumulateGradient(data[0][0], data[1][0], 0.75);
    List<double[]> g = ParameterBits.values(plain.gradients());
    List<double[]> gw = ParameterBits.values(weighted.gradients());
    for (int p = 0; p < g.size(); p++) {
      for (int k = 0; k < g.get(p).length; k++) {
        assertWithMessage("%s tensor %s[%s]", c.name(), p, k)
            .that(gw.get(p)[k])
            .isWithin(1e-6 * Math.abs(g.get(p)[k]) + 1e-9)
            .of(0.75 * g.get(p)[k]);
      }
    }
  }

  @Test
  void theWeightedStepIsTheWeightedGradientThenApply() {
    for (Case c : CASES) {
      CompiledNetwork fused = create(c);
      CompiledNetwork twoCalls = create(c);
      double[][][] data = examples(fused, c);
      examples(twoCalls, c);
      for (int e = 0; e < data[0].length; e++) {
        double w = 0.5 + e;
        double a = fused.trainStep(data[0][e], data[1][e], w);
        double b = twoCalls.accumulateGradient(data[0][e], data[1][e], w);
        twoCalls.applyGradient(1.0);
        assertThat(a).isEqualTo(b);
      }
      ParameterBits.assertSameBits(
          c.name() + " parameters",
          ParameterBits.values(twoCalls.parameters()),
          ParameterBits.values(fused.parameters()));
    }
  }
}
