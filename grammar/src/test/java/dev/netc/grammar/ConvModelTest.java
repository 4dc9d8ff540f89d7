package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Layer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Padding;
import dev.netc.grammar.model.PoolLayer;
import dev.netc.grammar.model.Shape;
import dev.netc.grammar.model.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Convolution and pooling layers become the model they describe, with their shapes. */
class ConvModelTest {

  private static final String LENET =
      "network LeNet {\n"
          + "    input 28 x 28 x 1;\n"
          + "    conv 6 5x5 relu;\n"
          + "    maxpool 2x2;\n"
          + "    conv 16 5x5 relu stride 1 padding same;\n"
          + "    avgpool 2x2;\n"
          + "    dense 120 relu;\n"
          + "    dense 10 softmax;\n"
          + "    loss cross_entropy;\n"
          + "}\n";

  @Test
  void leNetOfTheSpecHasItsShapesAndParameterCounts() {
    Network net = Check.network(LENET);
    assertEquals(new Shape(28, 28, 1), net.inputShape());
    assertEquals(784, net.inputSize());
    List<FeatureLayer> features = net.features();
    assertEquals(4, features.size());
    List<Shape> shapes = net.allLayers().stream().map(Layer::output).toList();
    assertEquals(
        List.of(
            new Shape(24, 24, 6),
            new Shape(12, 12, 6),
            new Shape(12, 12, 16),
            new Shape(6, 6, 16),
            Shape.flat(120),
            Shape.flat(10)),
        shapes);
    assertEquals(
        List.of(6L * 25 + 6, 0L, 16L * 25 * 6 + 16, 0L, 576L * 120 + 120, 120L * 10 + 10),
        net.allLayers().stream().map(Layer::parameterCount).toList());
    assertEquals(73022, net.parameterCount());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), net.allLayers().stream().map(Layer::number).toList());
    assertEquals(
        List.of("layer1", "layer2", "layer3", "layer4", "layer5", "layer6"),
        net.allLayers().stream().map(Layer::name).toList());

    ConvLayer conv1 = (ConvLayer) features.get(0);
    assertEquals(new Window(5, 5, 1, 1, Padding.VALID), conv1.window());
    assertEquals(Activation.RELU, conv1.activation());
    assertEquals(25, conv1.fanIn());
    assertEquals(150, conv1.fanOut());
    assertEquals(0, conv1.dropout());
    PoolLayer pool = (PoolLayer) features.get(1);
    assertEquals(PoolLayer.Kind.MAX, pool.kind());
    assertEquals(new Window(2, 2, 2, 2, Padding.VALID), pool.window());
    ConvLayer conv2 = (ConvLayer) features.get(2);
    assertEquals(new Window(5, 5, 1, 1, Padding.SAME), conv2.window());
    assertEquals(150, conv2.fanIn());
    assertEquals(400, conv2.fanOut());
    assertEquals(PoolLayer.Kind.AVERAGE, ((PoolLayer) features.get(3)).kind());

    DenseLayer dense = net.layers().get(0);
    assertEquals(5, dense.number());
    assertEquals(576, dense.inputs());
    assertEquals(
        "28 x 28 x 1 -> conv 6 5x5 relu 24 x 24 x 6 -> maxpool 2x2 12 x 12 x 6"
            + " -> conv 16 5x5 relu 12 x 12 x 16 -> avgpool 2x2 6 x 6 x 16 -> 120 relu"
            + " -> 10 softmax",
        net.topology());
  }

  @Test
  void canonicalTopologyNamesWindowsStridesAndPadding() {
    assertEquals(
        "netc-topology 1\n"
            + "input 28x28x1\n"
            + "conv 6 5x5 stride 1x1 padding valid relu\n"
            + "maxpool 2x2 stride 2x2\n"
            + "conv 16 5x5 stride 1x1 padding same relu\n"
            + "avgpool 2x2 stride 2x2\n"
            + "dense 120 relu\n"
            + "dense 10 softmax\n"
            + "loss cross_entropy\n"
            + "precision double\n",
        Check.network(LENET).canonicalTopology());
  }

  @Test
  void denseNetworksKeepTheirCanonicalTopology() {
    Network net = Check.withStatements("dense 8 tanh;", "dense 3 leaky_relu;");
    assertEquals(
        "netc-topology 1\n"
            + "input 4\n"
            + "dense 8 tanh\n"
            + "dense 3 leaky_relu 0.010000000000000000\n"
            + "loss squared_error\n"
            + "precision double\n",
        net.canonicalTopology());
    assertEquals(Shape.flat(4), net.inputShape());
    assertTrue(net.features().isEmpty());
    assertEquals("4 -> 8 tanh -> 3 leaky_relu", net.topology());
    assertEquals(4 * 8 + 8 + 8 * 3 + 3, net.parameterCount());
  }

  @Test
  void windowsAreWrittenWithOrWithoutSpaces() {
    for (String window : List.of("5x5", "5 x 5", "5 x5", "5x 5", "5\tx\t5")) {
      Network net =
          Check.network(
              "network N { input 28x28 x1; conv 2 "
                  + window
                  + " tanh; dense 1 sigmoid;"
                  + " loss binary_cross_entropy; }");
      assertEquals(new Shape(28, 28, 1), net.inputShape(), window);
      assertEquals(new Window(5, 5, 1, 1, Padding.VALID), net.features().get(0).window(), window);
      assertEquals(new Shape(24, 24, 2), net.features().get(0).output(), window);
    }
  }

  @Test
  void oneDimensionalSignalWithStridesSamePaddingDropoutAndNames() {
    Network net =
        Check.network(
            "network Signal {\n"
                + "  input 128 x 1 x 3;\n"
                + "  conv 8 5x1 tanh stride 2 padding same dropout(0.25) as features;\n"
                + "  maxpool 2x1 stride 2;\n"
                + "  conv 4 3x1 leaky_relu(0.1) padding valid;\n"
                + "  avgpool 3x1;\n"
                + "  dense 2 sigmoid as out;\n"
                + "  loss binary_cross_entropy;\n"
                + "}\n");
    ConvLayer conv = (ConvLayer) net.features().get(0);
    assertEquals("features", conv.name());
    assertEquals(0.25, conv.dropout());
    assertEquals(new Window(5, 1, 2, 2, Padding.SAME), conv.window());
    assertEquals(new Shape(64, 1, 8), conv.output());
    assertEquals(1, conv.window().padTop(128));
    assertEquals(2, conv.window().padBottom(128));
    assertEquals(0, conv.window().padLeft(1));
    assertEquals(new Window(2, 1, 2, 2, Padding.VALID), net.features().get(1).window());
    assertEquals(new Shape(32, 1, 8), net.features().get(1).output());
    ConvLayer second = (ConvLayer) net.features().get(2);
    assertEquals(0.1, second.activationParameter());
    assertEquals(new Shape(30, 1, 4), second.output());
    assertEquals(new Window(3, 1, 3, 1, Padding.VALID), net.features().get(3).window());
    assertEquals(new Shape(10, 1, 4), net.features().get(3).output());
    assertEquals(40, net.layers().get(0).inputs());
    assertEquals("out", net.layers().get(0).name());
  }

  @Test
  void convOptionsComeInAnyOrder() {
    Network net =
        Check.network(
            "network N { input 9 x 9 x 1; conv 2 3x3 relu dropout(0.5) padding same stride 2;"
                + " dense 1 sigmoid; loss binary_cross_entropy; }");
    ConvLayer conv = (ConvLayer) net.features().get(0);
    assertEquals(new Window(3, 3, 2, 2, Padding.SAME), conv.window());
    assertEquals(0.5, conv.dropout());
    assertEquals(new Shape(5, 5, 2), conv.output());
  }

  @Test
  void samePaddingFollowsTensorFlow() {
    // out = ceil(in / s); total = max((out - 1) * s + k - in, 0); floor(total / 2) before
    assertPadding(28, 5, 1, 28, 2, 2);
    assertPadding(28, 4, 1, 28, 1, 2);
    assertPadding(7, 3, 2, 4, 1, 1);
    assertPadding(6, 3, 2, 3, 0, 1);
    assertPadding(5, 1, 2, 3, 0, 0);
    assertPadding(2, 5, 1, 2, 2, 2);
  }

  private static void assertPadding(int in, int k, int s, int out, int before, int after) {
    Window window = new Window(k, k, s, s, Padding.SAME);
    String what = "in " + in + ", k " + k + ", s " + s;
    assertEquals(out, window.outputHeight(in), what);
    assertEquals(out, window.outputWidth(in), what);
    assertEquals(before, window.padTop(in), what);
    assertEquals(before, window.padLeft(in), what);
    assertEquals(after, window.padBottom(in), what);
    assertEquals(after, window.padRight(in), what);
  }

  @Test
  void validPaddingNeverPads() {
    Window window = new Window(3, 2, 2, 1, Padding.VALID);
    Shape in = new Shape(9, 4, 1);
    assertTrue(window.fits(in));
    assertTrue(window.divides(in));
    assertEquals(4, window.outputHeight(9));
    assertEquals(3, window.outputWidth(4));
    assertEquals(
        0, window.padTop(9) + window.padBottom(9) + window.padLeft(4) + window.padRight(4));
    assertFalse(window.divides(new Shape(10, 4, 1)));
    assertFalse(window.fits(new Shape(2, 4, 1)));
  }

  @Test
  void explicitConvWeightsAreOneRowPerFilterInKyKxCOrder() {
    Network net =
        Check.network(
            "network N {\n"
                + "  input 3 x 3 x 2;\n"
                + "  conv 2 2x2 linear {\n"
                + "    weights = [[1, 2, 3, 4, 5, 6, 7, 8], [-1, -2, -3, -4, -5, -6, -7, -8]];\n"
                + "    bias = [0.5, -0.5];\n"
                + "  }\n"
                + "  conv 1 1x1 relu { bias = 2; }\n"
                + "  dense 1 linear;\n"
                + "  loss squared_error;\n"
                + "}\n");
    ConvLayer conv = (ConvLayer) net.features().get(0);
    assertEquals(2, conv.weights().get().rows());
    assertEquals(8, conv.weights().get().cols());
    // filter 0 at (ky, kx, c) = (1, 0, 1): (1 * 2 + 0) * 2 + 1 = 5
    assertEquals(6, conv.weights().get().get(0, (1 * 2 + 0) * 2 + 1));
    assertEquals(-0.5, conv.bias().get().get(1));
    ConvLayer second = (ConvLayer) net.features().get(1);
    assertTrue(second.weights().isEmpty());
    assertEquals(2, second.bias().get().get(0));
    assertEquals(4, net.layers().get(0).inputs());
  }

  @Test
  void hwcIndexIsRowMajorWithChannelsInnermost() {
    Shape shape = new Shape(4, 5, 3);
    assertEquals((2 * 5 + 3) * 3 + 1, shape.index(2, 3, 1));
    assertEquals(60, shape.size());
    assertEquals("4 x 5 x 3", shape.toString());
  }

  @Test
  void flatInputStaysValidBeforeConvolution() {
    Network net =
        Check.network(
            "network N { input 12; conv 4 1x1 relu; dense 2 softmax; loss cross_entropy; }");
    assertEquals(Shape.flat(12), net.inputShape());
    assertEquals(Shape.flat(4), net.features().get(0).output());
  }

  @Test
  void keywordsOfConvolutionAreNamesWhereANameIsExpected() {
    Network net =
        Check.network(
            "package conv.maxpool;\n"
                + "network N { input 2; dense 2 tanh as stride; dense 1 sigmoid as padding;"
                + " loss binary_cross_entropy; }");
    assertEquals("stride", net.layers().get(0).name());
    assertEquals("padding", net.layers().get(1).name());
  }
}
