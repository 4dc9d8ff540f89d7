package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.GradientCheck;
import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Central differences in double for every activation with every loss it allows, with and without l2
 * and clip, on several shapes (unrolled and looped layers) with fixed seeds: every weight and bias
 * within 1e-8 + 1e-6 max(|analytic|, |numeric|), h = 1e-6.
 */
class GradientCheckTest {
  /** Shapes: input, hidden..., output; the last two have layers above the unroll threshold. */
  static final int[][] SHAPES = {{3, 4, 2}, {5, 6, 4, 3}, {17, 13, 3}, {2, 30, 12, 3}};

  record Case(String name, Network network, Loss loss, long seed) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    int n = 0;
    List<Activation> hidden =
        List.of(
            Activation.SIGMOID,
            Activation.TANH,
            Activation.RELU,
            Activation.LEAKY_RELU,
            Activation.ELU,
            Activation.SOFTPLUS,
            Activation.LINEAR);
    List<Object[]> combos = new ArrayList<>();
    for (Activation a : hidden) {
      combos.add(new Object[] {a, a, Loss.SQUARED_ERROR});
      combos.add(new Object[] {a, a, Loss.MEAN_SQUARED_ERROR});
      combos.add(new Object[] {a, Activation.SOFTMAX, Loss.CROSS_ENTROPY});
    }
    combos.add(new Object[] {Activation.TANH, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY});
    combos.add(new Object[] {Activation.RELU, Activation.SOFTMAX, Loss.SQUARED_ERROR});
    combos.add(new Object[] {Activation.SIGMOID, Activation.SOFTMAX, Loss.MEAN_SQUARED_ERROR});
    for (Object[] combo : combos) {
      for (int s = 0; s < 2; s++) {
        int[] shape = SHAPES[(n + s) % SHAPES.length];
        String name = "Grad" + n++;
        Nets nets = Nets.network(name, shape[0]).init(new Init.Xavier(n));
        for (int l = 1; l < shape.length - 1; l++) {
          nets.dense(
              shape[l],
              (Activation) combo[0],
              combo[0] == Activation.LEAKY_RELU
                  ? 0.2
                  : combo[0] == Activation.ELU ? 0.7 : Double.NaN);
        }
        Activation out = (Activation) combo[1];
        nets.dense(
            shape[shape.length - 1],
            out,
            out == Activation.LEAKY_RELU ? 0.2 : out == Activation.ELU ? 0.7 : Double.NaN);
        nets.loss((Loss) combo[2]);
        switch (n % 4) {
          case 1 -> nets.l2(0.01);
          case 2 -> nets.clip(new Clip.Norm(0.5));
          case 3 -> nets.l2(0.003).clip(new Clip.Value(0.1));
          default -> {}
        }
        CASES.add(new Case(name, nets.build(), (Loss) combo[2], 1000L + n));
      }
    }
    compiled = Compiled.of(CASES.stream().map(Case::network).toList());
  }

  /** Random biases (the inits give 0), inputs and targets suited to the loss. */
  static double[][][] examples(CompiledNetwork net, Loss loss, long seed, int count) {
    Random random = new Random(seed);
    for (ParameterTensor p : net.parameters()) {
      if (p.isVector()) {
        for (int k = 0; k < p.size(); k++) {
          p.set(k, random.nextDouble() - 0.5);
        }
      }
    }
    double[][] inputs = new double[count][net.inputSize()];
    double[][] targets = new double[count][net.outputSize()];
    for (int e = 0; e < count; e++) {
      for (int k = 0; k < net.inputSize(); k++) {
        inputs[e][k] = 2 * random.nextDouble() - 1;
      }
      for (int k = 0; k < net.outputSize(); k++) {
        targets[e][k] =
            switch (loss) {
              case CROSS_ENTROPY ->
                  random.nextDouble() * 0.8; // not one-hot, sum != 1: y sum(t) - t
              case BINARY_CROSS_ENTROPY -> random.nextDouble();
              default -> 2 * random.nextDouble() - 1;
            };
      }
    }
    return new double[][][] {inputs, targets};
  }

  @Test
  void everyActivationWithEveryLossMatchesCentralDifferences() {
    assertThat(CASES.size()).isAtLeast(40);
    int checked = 0;
    for (Case c : CASES) {
      CompiledNetwork net = compiled.create(c.name());
      double[][][] data = examples(net, c.loss(), c.seed(), 3);
      GradientCheck.Result result = GradientCheck.check(net, data[0], data[1], 1e-6, 1e-8, 1e-6);
      assertWithMessage(
              "%s (%s, %s, l2 %s, clip %s): worst %s",
              c.name(),
              c.network().topology(),
              c.loss().dslName(),
              c.network().regularizer(),
              c.network().clip(),
              result.worst())
          .that(result.passed())
          .isTrue();
      checked += result.checked();
    }
    assertThat(checked).isGreaterThan(5000);
  }
}
