package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.GradientCheck;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code of {@code dropout(r)}: the masks against the documented stream (recomputed
 * here with {@link NetcRandom}), their statistics, the scale, central differences with fixed masks,
 * the fused step against accumulate and apply, float against double, and prediction untouched.
 * Shapes unrolled and looped, over relu (whose looped consumers skip zero inputs) and the
 * activations whose derivative is taken from their output.
 */
class DropoutTest {
  record Case(String name, Network network, Loss loss) {}

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;

  @BeforeAll
  static void compileAll() {
    add(
        Nets.network("D0", 3)
            .init(new Init.Xavier(1))
            .dense(5, Activation.TANH)
            .dropout(0.3)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Sgd(0.1, 0.9, false)),
        Loss.CROSS_ENTROPY);
    add(
        Nets.network("D1", 20)
            .init(new Init.Xavier(2))
            .dense(16, Activation.RELU)
            .dropout(0.5)
            .dense(18, Activation.SIGMOID)
            .dropout(0.2)
            .dense(3, Activation.LINEAR)
            .loss(Loss.SQUARED_ERROR),
        Loss.SQUARED_ERROR);
    add(
        Nets.network("D2", 20)
            .init(new Init.Xavier(3))
            .dense(16, Activation.ELU, 0.7)
            .dropout(0.25)
            .dense(18, Activation.RELU)
            .dropout(0.4)
            .dense(12, Activation.LEAKY_RELU, 0.1)
            .dense(2, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .optimizer(new Optimizer.Adam(0.01, 0.9, 0.999, 1e-8)),
        Loss.BINARY_CROSS_ENTROPY);
    add(
        Nets.network("D3", 4)
            .init(new Init.Xavier(4))
            .dense(6, Activation.SOFTPLUS)
            .dropout(0.1)
            .dense(2, Activation.LINEAR)
            .loss(Loss.MEAN_SQUARED_ERROR)
            .l2(0.01),
        Loss.MEAN_SQUARED_ERROR);
    add(
        Nets.network("Stats", 8)
            .init(new Init.Xavier(5))
            .dense(64, Activation.LINEAR)
            .dropout(0.3)
            .dense(2, Activation.LINEAR)
            .loss(Loss.SQUARED_ERROR),
        Loss.SQUARED_ERROR);
    List<Network> networks = new ArrayList<>();
    for (Case c : List.copyOf(CASES)) {
      networks.add(c.network());
      Network single = Nets.rename(c.network(), c.name() + "F", Precision.FLOAT);
      CASES.add(new Case(single.name(), single, c.loss()));
      networks.add(single);
    }
    // the network of torch_reference.py
    networks.add(
        Nets.network("Torch", 3)
            .dense(5, Activation.TANH)
            .dropout(0.3)
            .dense(4, Activation.RELU)
            .dropout(0.5)
            .dense(2, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .build());
    // D0 without dropout: the same initial parameters
    networks.add(
        Nets.network("Plain0", 3)
            .init(new Init.Xavier(1))
            .dense(5, Activation.TANH)
            .dense(3, Activation.SOFTMAX)
            .loss(Loss.CROSS_ENTROPY)
            .optimizer(new Optimizer.Sgd(0.1, 0.9, false))
            .build());
    compiled = Compiled.of(networks);
  }

  private static void add(Nets nets, Loss loss) {
    Network network = nets.build();
    CASES.add(new Case(network.name(), network, loss));
  }

  private static Case find(String name) {
    return CASES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static DropoutNetwork create(String name) {
    return (DropoutNetwork) compiled.create(name);
  }

  private static double[][][] examples(CompiledNetwork net, Case c, int count) {
    return GradientCheckTest.examples(net, c.loss(), 91, count);
  }

  @Test
  void masksFollowTheDocumentedStreamAndScaleKeptOutputsExactly() {
    for (Case c : CASES) {
      DropoutNetwork net = create(c.name());
      double[][][] data = examples(net, c, 3);
      for (int e = 0; e < 3; e++) {
        long key = 1000L * e - 7;
        net.predict(data[0][e], new double[net.outputSize()]);
        List<double[]> before = new ArrayList<>();
        for (var layer : c.network().layers()) {
          before.add(Compiled.field(net, "x" + layer.number()));
        }
        net.dropoutKey(key);
        net.accumulateGradient(data[0][e], data[1][e]);
        assertThat(net.dropoutKey()).isEqualTo(key + 1);
        for (var layer : c.network().layers()) {
          int l = layer.number();
          double[] x = Compiled.field(net, "x" + l);
          if (!layer.hasDropout()) {
            continue;
          }
          boolean isFloat = c.network().precision() == Precision.FLOAT;
          double scale = isFloat ? (float) (1 / (1 - layer.dropout())) : 1 / (1 - layer.dropout());
          // the first layer with dropout sees the input predict saw; later ones, dropped inputs
          boolean first =
              c.network().layers().stream().filter(d -> d.hasDropout()).findFirst().get() == layer;
          for (int i = 0; i < layer.units(); i++) {
            boolean keep = DropoutChecks.kept(key, l, i, layer.dropout());
            if (!first) {
              if (!keep) {
                assertWithMessage("%s x%s[%s], key %s", c.name(), l, i, key)
                    .that(x[i])
                    .isEqualTo(0.0);
              }
              continue;
            }
            double y = before.get(l - 1)[i];
            double expected = keep ? (isFloat ? (float) (y * scale) : y * scale) : 0.0;
            assertWithMessage("%s x%s[%s], key %s", c.name(), l, i, key)
                .that(x[i])
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void lossAndGradientMatchPyTorchWithTheMasksOfAnIndependentStream() throws Exception {
    JsonNode ref;
    try (InputStream in = DropoutTest.class.getResourceAsStream("/dropout/torch_reference.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    int compared = DropoutChecks.assertMatchesReference(create("Torch"), ref, List.of(1, 2, 3));
    assertThat(compared).isEqualTo(15 + 20 + 8);
  }

  @Test
  void keptFractionIsOneMinusTheRate() {
    DropoutNetwork net = create("Stats");
    double[][][] data = examples(net, find("Stats"), 1);
    long keptUnits = 0;
    long units = 0;
    double scale = 1 / (1 - 0.3);
    for (int step = 0; step < 2000; step++) {
      net.dropoutKey(DropoutNetwork.exampleKey(42, 1, step + 1, 0));
      net.trainStep(data[0][0], data[1][0]);
      for (double g : Compiled.field(net, "g1")) {
        // a linear layer: g = m exactly, 0 or 1 / (1 - r)
        assertThat(g == 0.0 || g == scale).isTrue();
        keptUnits += g == scale ? 1 : 0;
        units++;
      }
    }
    double fraction = keptUnits / (double) units;
    // 128,000 draws: standard deviation sqrt(0.3 * 0.7 / 128000) = 0.0013; five of them
    assertWithMessage("kept fraction %s", fraction)
        .that(Math.abs(fraction - 0.7))
        .isLessThan(0.0065);
    System.out.printf(
        "dropout(0.3): kept %d of %d units, fraction %.5f%n", keptUnits, units, fraction);
  }

  @Test
  void theGradientIsTheCentralDifferenceOfTheLossWithFixedMasks() {
    int checked = 0;
    for (Case c : CASES) {
      if (c.network().precision() == Precision.FLOAT) {
        continue; // central differences need double; the float class is checked below
      }
      DropoutNetwork net = create(c.name());
      double[][][] data = examples(net, c, 3);
      GradientCheck.Result result = GradientCheck.check(net, data[0], data[1], 1e-6, 1e-8, 1e-6);
      assertWithMessage("%s: worst %s", c.name(), result.worst())
          .that(result.worstRatio())
          .isAtMost(1.0);
      checked += result.checked();
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void theFusedStepIsBitForBitAccumulateThenApply() {
    for (Case c : CASES) {
      DropoutNetwork fused = create(c.name());
      DropoutNetwork plain = create(c.name());
      double[][][] data = examples(fused, c, 6);
      examples(plain, c, 6);
      DropoutChecks.assertFusedIsAccumulateThenApply(c.name(), fused, plain, data);
    }
  }

  @Test
  void theFloatClassFollowsTheDoubleClassWithTheSameMasks() {
    for (Case c : CASES) {
      if (c.network().precision() == Precision.FLOAT) {
        continue;
      }
      DropoutNetwork wide = create(c.name());
      DropoutNetwork single = create(c.name() + "F");
      double[][][] data = examples(wide, c, 4);
      examples(single, c, 4);
      DropoutChecks.assertFloatFollowsDouble(c.name(), wide, single, data);
    }
  }

  @Test
  void predictionClassificationAndLossIgnoreDropout() {
    DropoutNetwork dropout = create("D0");
    CompiledNetwork plain = compiled.create("Plain0");
    double[][][] data = examples(dropout, find("D0"), 8);
    examples(plain, find("D0"), 8);
    DropoutChecks.assertPredictionIgnoresDropout(dropout, plain, data);
  }

  @Test
  void thePlannerRefusesDropoutOnTheOutputLayer() {
    Network network =
        Nets.network("Out", 3)
            .dense(5, Activation.TANH)
            .dense(2, Activation.SIGMOID)
            .dropout(0.5)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NetcCompiler.generate(network, ""));
    assertThat(e).hasMessageThat().contains("dropout on the output layer 2");
  }

  @Test
  void rateZeroGeneratesTheClassOfNoDropout() {
    Network zero =
        Nets.network("Z", 3)
            .dense(5, Activation.TANH)
            .dropout(0)
            .dense(2, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .build();
    Network none =
        Nets.network("Z", 3)
            .dense(5, Activation.TANH)
            .dense(2, Activation.SIGMOID)
            .loss(Loss.BINARY_CROSS_ENTROPY)
            .build();
    assertThat(NetcCompiler.generate(zero, "").javaSource())
        .isEqualTo(NetcCompiler.generate(none, "").javaSource());
    assertThat(NetcCompiler.generate(none, "").javaSource()).doesNotContain("ropout");
  }
}
