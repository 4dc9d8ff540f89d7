package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.source.SourceFile;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.DropoutNetwork;
import dev.netc.runtime.network.GradientCheck;
import dev.netc.runtime.train.Trainer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated code of {@code dropout(r)} on convolution layers: the masks against the documented
 * stream (recomputed here with {@link NetcRandom}, unit i of output (y, x, f) at {@code (y * W + x)
 * * F + f}), the scale of kept outputs, central differences with fixed masks through max and
 * average pooling, a convolution and a dense layer above (relu, tanh and the other activations),
 * the loss and gradient of PyTorch's autograd with the masks of an independent implementation of
 * the stream ({@code conv_torch_reference.py}), the fused step against accumulate and apply, float
 * against double, prediction untouched, and the trainer's result independent of its thread count.
 */
class ConvDropoutTest {
  record Case(String name, Network network) {}

  /** Network bodies with dropout on at least one convolution. */
  static final String[] BODIES = {
    "input 6 x 6 x 1; conv 3 3x3 relu dropout(0.25); maxpool 2x2; dense 3 softmax;"
        + " loss cross_entropy;",
    "input 6 x 6 x 1; conv 3 3x3 tanh dropout(0.25); maxpool 2x2; dense 3 softmax;"
        + " loss cross_entropy;",
    "input 7 x 7 x 2; conv 4 3x3 tanh stride 2 padding same dropout(0.4); avgpool 2x2;"
        + " conv 2 2x2 sigmoid padding same dropout(0.3); dense 4 relu dropout(0.2);"
        + " dense 2 sigmoid; loss binary_cross_entropy;",
    "input 8 x 8 x 1; conv 4 3x3 relu dropout(0.5); dense 3 linear; loss squared_error;",
    "input 6 x 6 x 2; conv 3 3x3 elu(0.7) dropout(0.2); conv 2 3x3 leaky_relu(0.1) dropout(0.3);"
        + " avgpool 2x2; dense 2 softmax; loss cross_entropy; regularize l2(0.01);",
    "input 5 x 5 x 1; conv 2 3x3 linear dropout(0.3); maxpool 3x3; dense 2 linear;"
        + " loss mean_squared_error;",
    "input 6 x 6 x 1; conv 3 3x3 softplus dropout(0.1) padding same; avgpool 2x2; dense 3 relu;"
        + " dense 2 softmax; loss cross_entropy; clip value(0.5);",
  };

  static final List<Case> CASES = new ArrayList<>();
  static Compiled compiled;
  static Dataset data;

  @BeforeAll
  static void compileAll() {
    List<Network> networks = new ArrayList<>();
    for (int k = 0; k < BODIES.length; k++) {
      String name = "CD" + k;
      Network network =
          Nets.parse(
              "network " + name + " { " + BODIES[k] + " init xavier(seed = " + (k + 1) + "); }");
      CASES.add(new Case(name, network));
      networks.add(network);
      Network single = Nets.rename(network, name + "F", Precision.FLOAT);
      CASES.add(new Case(single.name(), single));
      networks.add(single);
    }
    // CD0 without dropout: the same initial parameters
    networks.add(
        Nets.parse(
            "network Plain0 { "
                + BODIES[0].replace(" dropout(0.25)", "")
                + " init xavier(seed = 1); }"));
    // the network of conv_torch_reference.py
    networks.add(
        Nets.parse(
            "network TorchConv { input 6 x 6 x 2; conv 3 3x3 tanh dropout(0.3); maxpool 2x2;"
                + " conv 4 2x2 relu dropout(0.25); dense 2 softmax; loss cross_entropy; }"));
    // more parameters than the trainer's parallel threshold, so that its chunks use threads
    String wide =
        "input 12 x 12 x 1; conv 8 3x3 relu dropout(0.3); dense 16 tanh dropout(0.2);"
            + " dense 4 softmax; loss cross_entropy; optimizer adam(0.001); init he(seed = 3);";
    networks.add(Nets.parse("network Wide { " + wide + " }"));
    networks.add(Nets.parse("network WideF { " + wide + " precision float; }"));
    compiled = Compiled.of(networks);

    Random random = new Random(5);
    int n = 150;
    double[][] x = new double[n][144];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(4);
      for (int j = 0; j < 144; j++) {
        x[i][j] = random.nextGaussian() + (j % 4 == labels[i] ? 1 : 0);
      }
    }
    data = Dataset.classification("random", x, labels, List.of("a", "b", "c", "d"), List.of());
  }

  private static DropoutNetwork create(String name) {
    return (DropoutNetwork) compiled.create(name);
  }

  private static double[][][] examples(CompiledNetwork net, Case c, int count) {
    return GradientCheckTest.examples(net, c.network().loss(), 93, count);
  }

  private static List<ConvLayer> convolutions(Network network) {
    List<ConvLayer> all = new ArrayList<>();
    for (FeatureLayer f : network.features()) {
      if (f instanceof ConvLayer conv) {
        all.add(conv);
      }
    }
    return all;
  }

  @Test
  void masksFollowTheDocumentedStreamInHwcOrderAndScaleKeptOutputsExactly() {
    int checkedUnits = 0;
    for (Case c : CASES) {
      DropoutNetwork net = create(c.name());
      double[][][] data = examples(net, c, 3);
      boolean isFloat = c.network().precision() == Precision.FLOAT;
      for (int e = 0; e < 3; e++) {
        long key = 977L * e + 5;
        net.predict(data[0][e], new double[net.outputSize()]);
        List<double[]> before = new ArrayList<>();
        for (ConvLayer conv : convolutions(c.network())) {
          before.add(Compiled.field(net, "x" + conv.number()));
        }
        net.dropoutKey(key);
        net.accumulateGradient(data[0][e], data[1][e]);
        assertThat(net.dropoutKey()).isEqualTo(key + 1);
        List<ConvLayer> convs = convolutions(c.network());
        for (int k = 0; k < convs.size(); k++) {
          ConvLayer conv = convs.get(k);
          if (conv.dropout() == 0) {
            continue;
          }
          int l = conv.number();
          double[] x = Compiled.field(net, "x" + l);
          double[] g = Compiled.field(net, "g" + l);
          assertThat(x).hasLength(Math.toIntExact(conv.output().size()));
          double scale = isFloat ? (float) (1 / (1 - conv.dropout())) : 1 / (1 - conv.dropout());
          // the first layer sees the input predict saw; a later one, the masked outputs below
          boolean first = k == 0;
          int width = conv.output().width();
          int filters = conv.filters();
          for (int y = 0; y < conv.output().height(); y++) {
            for (int xx = 0; xx < width; xx++) {
              for (int f = 0; f < filters; f++) {
                int i = (y * width + xx) * filters + f;
                boolean keep = DropoutChecks.kept(key, l, i, conv.dropout());
                if (!keep) {
                  assertWithMessage("%s x%s[%s], key %s", c.name(), l, i, key)
                      .that(x[i])
                      .isEqualTo(0.0);
                  assertWithMessage("%s g%s[%s]", c.name(), l, i).that(g[i]).isEqualTo(0.0);
                  continue;
                }
                if (first) {
                  double v = before.get(k)[i];
                  assertWithMessage("%s x%s[%s], key %s", c.name(), l, i, key)
                      .that(x[i])
                      .isEqualTo(isFloat ? (float) (v * scale) : v * scale);
                  checkedUnits++;
                }
              }
            }
          }
        }
      }
    }
    assertThat(checkedUnits).isGreaterThan(500);
  }

  @Test
  void lossAndGradientMatchPyTorchWithTheMasksOfAnIndependentStream() throws Exception {
    JsonNode ref;
    try (InputStream in =
        ConvDropoutTest.class.getResourceAsStream("/dropout/conv_torch_reference.json")) {
      ref = new ObjectMapper().readTree(in);
    }
    int compared = DropoutChecks.assertMatchesReference(create("TorchConv"), ref, List.of(1, 3, 4));
    assertThat(compared).isEqualTo(54 + 48 + 8);
  }

  @Test
  void aLinearConvolutionsFactorIsTheMaskAndKeepsOneMinusTheRate() {
    DropoutNetwork net = create("CD5");
    double[][][] data = examples(net, CASES.get(10), 1);
    double scale = 1 / (1 - 0.3);
    long keptUnits = 0;
    long units = 0;
    for (int step = 0; step < 1000; step++) {
      net.dropoutKey(DropoutNetwork.exampleKey(42, 1, step + 1, 0));
      net.trainStep(data[0][0], data[1][0]);
      for (double g : Compiled.field(net, "g1")) {
        assertThat(g == 0.0 || g == scale).isTrue();
        keptUnits += g == scale ? 1 : 0;
        units++;
      }
    }
    double fraction = keptUnits / (double) units;
    // 18,000 draws: standard deviation sqrt(0.3 * 0.7 / 18000) = 0.0034; five of them
    assertWithMessage("kept fraction %s", fraction)
        .that(Math.abs(fraction - 0.7))
        .isLessThan(0.017);
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
      assertWithMessage("%s (%s): worst %s", c.name(), c.network().topology(), result.worst())
          .that(result.passed())
          .isTrue();
      checked += result.checked();
    }
    assertThat(checked).isGreaterThan(300);
  }

  @Test
  void theFusedStepIsBitForBitAccumulateThenApply() {
    for (Case c : CASES) {
      DropoutNetwork fused = create(c.name());
      DropoutNetwork plain = create(c.name());
      double[][][] data = examples(fused, c, 5);
      examples(plain, c, 5);
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
    DropoutNetwork dropout = create("CD0");
    CompiledNetwork plain = compiled.create("Plain0");
    double[][][] data = examples(dropout, CASES.get(0), 8);
    examples(plain, CASES.get(0), 8);
    DropoutChecks.assertPredictionIgnoresDropout(dropout, plain, data);
  }

  @Test
  void theThreadCountNeverChangesTheTrainersResult() {
    assertThat(compiled.create("Wide").spec().parameterCount()).isAtLeast(10_000L);
    for (String name : List.of("Wide", "WideF")) {
      List<List<double[]>> runs = new ArrayList<>();
      for (int threads : new int[] {1, 2, 3}) {
        CompiledNetwork net = compiled.create(name);
        new Trainer()
            .epochs(2)
            .batchSize(32)
            .shuffle(4)
            .dropoutSeed(11)
            .threads(threads)
            .train(net, data);
        runs.add(ParameterBits.values(net.parameters()));
      }
      ParameterBits.assertSameBits(name + " 2 threads", runs.get(0), runs.get(1));
      ParameterBits.assertSameBits(name + " 3 threads", runs.get(0), runs.get(2));
    }
  }

  @Test
  void theCompilerGeneratesConvolutionDropoutFromTheLanguage() {
    String text =
        "network LeNet {\n"
            + "    input 28 x 28 x 1;\n"
            + "    conv 6 5x5 relu dropout(0.25);\n"
            + "    maxpool 2x2;\n"
            + "    dense 10 softmax;\n"
            + "    loss cross_entropy;\n"
            + "}\n";
    CompileResult result =
        NetcCompiler.compile(
            List.of(new CompileInput(new SourceFile("lenet.nn", text), Optional.empty())));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.classes()).hasSize(1);
    String source = result.classes().get(0).javaSource();
    assertThat(source).contains("implements DropoutNetwork");
    assertThat(source).contains("private void dropout1()");
    assertThat(source).contains("for (int i = 0; i < 3456; i++)");
    assertThat(source).contains("conv 6 5x5 relu dropout(0.25)");
  }
}
