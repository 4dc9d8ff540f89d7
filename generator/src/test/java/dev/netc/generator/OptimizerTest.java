package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The update of every optimizer, with and without l2 and clip, against a reference written here
 * from docs/language.md; the fused {@code trainStep} against {@code accumulateGradient} + {@code
 * applyGradient(1)}; {@code copy()} with {@code addGradientFrom} against one instance. Shapes:
 * small (unrolled), a looped tanh layer, and a looped layer over a relu layer (whose zero inputs
 * are skipped).
 */
class OptimizerTest {
  static final List<Optimizer> OPTIMIZERS =
      List.of(
          new Optimizer.Sgd(0.1, 0, false),
          new Optimizer.Sgd(0.1, 0.9, false),
          new Optimizer.Sgd(0.1, 0.9, true),
          new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8),
          new Optimizer.RmsProp(0.01, 0.9, 1e-8),
          new Optimizer.AdaGrad(0.1, 1e-8));

  /** Regularize/clip variants: none, l2, clip norm, clip value, l2 + clip norm. */
  static final int VARIANTS = 5;

  record Case(String name, Network network, Optimizer optimizer, double lambda, Clip clip) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    int n = 0;
    for (Optimizer optimizer : OPTIMIZERS) {
      for (int variant = 0; variant < VARIANTS; variant++) {
        for (int shape = 0; shape < 3; shape++) {
          String name = "Opt" + n++;
          Nets nets = Nets.network(name, shape == 0 ? 3 : 20).init(new Init.Xavier(n));
          if (shape == 2) {
            // a looped layer over relu inputs, whose zero columns the generated loops skip
            nets.dense(16, Activation.RELU).dense(18, Activation.RELU);
          } else {
            nets.dense(shape == 0 ? 5 : 16, Activation.TANH);
          }
          nets.dense(3, Activation.SOFTMAX).loss(Loss.CROSS_ENTROPY).optimizer(optimizer);
          double lambda = variant == 1 || variant == 4 ? 0.05 : 0;
          Clip clip =
              switch (variant) {
                case 2, 4 -> new Clip.Norm(0.2);
                case 3 -> new Clip.Value(0.02);
                default -> null;
              };
          if (lambda != 0) {
            nets.l2(lambda);
          }
          if (clip != null) {
            nets.clip(clip);
          }
          CASES.add(new Case(name, nets.build(), optimizer, lambda, clip));
        }
      }
    }
    compiled = Compiled.of(CASES.stream().map(Case::network).toList());
  }

  static double[][] randomExamples(Random random, int count, int width) {
    double[][] values = new double[count][width];
    for (double[] row : values) {
      for (int k = 0; k < width; k++) {
        row[k] = 2 * random.nextDouble() - 1;
      }
    }
    return values;
  }

  static double[][] oneHot(Random random, int count, int width) {
    double[][] values = new double[count][width];
    for (double[] row : values) {
      row[random.nextInt(width)] = 1;
    }
    return values;
  }

  @Test
  void everyOptimizerWithL2AndClipMatchesTheReferenceUpdate() {
    for (Case c : CASES) {
      CompiledNetwork net = compiled.create(c.name());
      Reference ref = new Reference(c, net);
      Random random = new Random(c.name().hashCode());
      for (int step = 1; step <= 3; step++) {
        double[][] x = randomExamples(random, 2, net.inputSize());
        double[][] t = oneHot(random, 2, net.outputSize());
        net.accumulateGradient(x[0], t[0]);
        net.accumulateGradient(x[1], t[1]);
        ref.step(net.gradients(), 0.5);
        net.applyGradient(0.5);
        List<ParameterTensor> params = net.parameters();
        for (int p = 0; p < params.size(); p++) {
          double[] actual = params.get(p).toArray();
          for (int k = 0; k < actual.length; k++) {
            double expected = ref.params.get(p)[k];
            assertWithMessage(
                    "%s %s step %s: %s[%s]",
                    c.name(), c.network().optimizer(), step, params.get(p).name(), k)
                .that(actual[k])
                .isWithin(1e-13 + 1e-11 * Math.abs(expected))
                .of(expected);
          }
        }
        for (ParameterTensor g : net.gradients()) {
          assertThat(g.toArray()).usingExactEquality().containsNoneOf(1.0, -1.0);
          for (double v : g.toArray()) {
            assertWithMessage("%s: gradient cleared after the step", c.name()).that(v).isEqualTo(0);
          }
        }
        assertThat(net.optimizerSteps()).isEqualTo(step);
      }
      assertThat(net.optimizerState()).hasSize(ref.stateCount() * net.parameters().size());
    }
  }

  @Test
  void fusedTrainStepEqualsAccumulateThenApply() {
    for (Case c : CASES) {
      CompiledNetwork fused = compiled.create(c.name());
      CompiledNetwork plain = compiled.create(c.name());
      Random random = new Random(42);
      for (int step = 0; step < 5; step++) {
        double[] x = randomExamples(random, 1, fused.inputSize())[0];
        double[] t = oneHot(random, 1, fused.outputSize())[0];
        double a = fused.trainStep(x, t);
        double b = plain.accumulateGradient(x, t);
        plain.applyGradient(1.0);
        assertThat(a).isEqualTo(b);
      }
      for (int p = 0; p < fused.parameters().size(); p++) {
        assertWithMessage("%s %s", c.name(), fused.parameters().get(p).name())
            .that(fused.parameters().get(p).toArray())
            .isEqualTo(plain.parameters().get(p).toArray());
      }
      for (int p = 0; p < fused.optimizerState().size(); p++) {
        assertWithMessage("%s %s", c.name(), fused.optimizerState().get(p).name())
            .that(fused.optimizerState().get(p).toArray())
            .isEqualTo(plain.optimizerState().get(p).toArray());
      }
    }
  }

  @Test
  void trainStepAfterAPendingGradientIncludesIt() {
    Case c = CASES.get(0);
    CompiledNetwork a = compiled.create(c.name());
    CompiledNetwork b = compiled.create(c.name());
    double[] x = {0.1, -0.2, 0.3};
    double[] t = {0, 1, 0};
    a.accumulateGradient(x, t);
    a.trainStep(x, t);
    b.accumulateGradient(x, t);
    b.accumulateGradient(x, t);
    b.applyGradient(1.0);
    assertThat(a.parameters().get(0).toArray()).isEqualTo(b.parameters().get(0).toArray());
  }

  @Test
  void copiesShareParametersAndAddTheirGradients() {
    for (Case c : CASES) {
      CompiledNetwork one = compiled.create(c.name());
      CompiledNetwork main = compiled.create(c.name());
      CompiledNetwork worker = main.copy();
      Random random = new Random(7);
      double[][] x = randomExamples(random, 4, one.inputSize());
      double[][] t = oneHot(random, 4, one.outputSize());
      for (int e = 0; e < 4; e++) {
        one.accumulateGradient(x[e], t[e]);
        (e % 2 == 0 ? main : worker).accumulateGradient(x[e], t[e]);
      }
      main.addGradientFrom(worker);
      for (int p = 0; p < one.gradients().size(); p++) {
        double[] expected = one.gradients().get(p).toArray();
        double[] actual = main.gradients().get(p).toArray();
        for (int k = 0; k < expected.length; k++) {
          assertWithMessage("%s %s[%s]", c.name(), one.gradients().get(p).name(), k)
              .that(actual[k])
              .isWithin(1e-15 + 1e-13 * Math.abs(expected[k]))
              .of(expected[k]);
        }
      }
      main.applyGradient(0.25);
      for (int p = 0; p < main.parameters().size(); p++) {
        assertThat(worker.parameters().get(p).toArray())
            .isEqualTo(main.parameters().get(p).toArray());
      }
      assertThat(worker.optimizerSteps()).isEqualTo(1);
      worker.setHyperparameter("rate", 0.5);
      assertThat(worker.hyperparameter("rate")).isEqualTo(0.5);
      assertThat(main.hyperparameter("rate")).isEqualTo(c.optimizer().rate());
    }
  }

  /** The update rules of docs/language.md, written out plainly over the flat views. */
  static final class Reference {
    final Case c;
    final List<double[]> params = new ArrayList<>();
    final List<double[]> first = new ArrayList<>();
    final List<double[]> second = new ArrayList<>();
    final List<Boolean> isWeight = new ArrayList<>();
    long t;

    Reference(Case c, CompiledNetwork net) {
      this.c = c;
      for (ParameterTensor p : net.parameters()) {
        params.add(p.toArray());
        first.add(new double[p.size()]);
        second.add(new double[p.size()]);
        isWeight.add(!p.isVector());
      }
    }

    int stateCount() {
      Optimizer o = c.optimizer();
      if (o instanceof Optimizer.Sgd sgd) {
        return sgd.momentum() == 0 && !sgd.nesterov() ? 0 : 1;
      }
      return o instanceof Optimizer.Adam ? 2 : 1;
    }

    void step(List<ParameterTensor> gradients, double scale) {
      t++;
      List<double[]> g = new ArrayList<>();
      double squares = 0;
      for (int p = 0; p < params.size(); p++) {
        double[] values = gradients.get(p).toArray();
        for (int k = 0; k < values.length; k++) {
          values[k] = scale * values[k] + (isWeight.get(p) ? c.lambda() * params.get(p)[k] : 0);
          squares += values[k] * values[k];
        }
        g.add(values);
      }
      double norm = Math.sqrt(squares);
      for (double[] values : g) {
        for (int k = 0; k < values.length; k++) {
          if (c.clip() instanceof Clip.Norm clipNorm && norm > clipNorm.max()) {
            values[k] *= clipNorm.max() / norm;
          } else if (c.clip() instanceof Clip.Value clipValue) {
            values[k] = Math.max(-clipValue.max(), Math.min(clipValue.max(), values[k]));
          }
        }
      }
      for (int p = 0; p < params.size(); p++) {
        double[] w = params.get(p);
        double[] m = first.get(p);
        double[] v = second.get(p);
        double[] gp = g.get(p);
        for (int k = 0; k < w.length; k++) {
          double gk = gp[k];
          if (c.optimizer() instanceof Optimizer.Sgd sgd) {
            if (sgd.momentum() == 0 && !sgd.nesterov()) {
              w[k] -= sgd.rate() * gk;
            } else {
              m[k] = sgd.momentum() * m[k] - sgd.rate() * gk;
              w[k] += sgd.nesterov() ? sgd.momentum() * m[k] - sgd.rate() * gk : m[k];
            }
          } else if (c.optimizer() instanceof Optimizer.Adam adam) {
            m[k] = adam.beta1() * m[k] + (1 - adam.beta1()) * gk;
            v[k] = adam.beta2() * v[k] + (1 - adam.beta2()) * gk * gk;
            double mhat = m[k] / (1 - Math.pow(adam.beta1(), t));
            double vhat = v[k] / (1 - Math.pow(adam.beta2(), t));
            w[k] -= adam.rate() * mhat / (Math.sqrt(vhat) + adam.epsilon());
          } else if (c.optimizer() instanceof Optimizer.RmsProp rms) {
            v[k] = rms.rho() * v[k] + (1 - rms.rho()) * gk * gk;
            w[k] -= rms.rate() * gk / (Math.sqrt(v[k]) + rms.epsilon());
          } else if (c.optimizer() instanceof Optimizer.AdaGrad ada) {
            v[k] += gk * gk;
            w[k] -= ada.rate() * gk / (Math.sqrt(v[k]) + ada.epsilon());
          }
        }
      }
    }
  }
}
