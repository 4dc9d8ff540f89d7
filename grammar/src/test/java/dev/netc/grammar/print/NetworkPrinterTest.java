package dev.netc.grammar.print;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Vector;
import dev.netc.grammar.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkPrinterTest {

  private static final String SOURCE =
      """
      // xor.nn: a comment that must survive
      package com.example.xor;

      /* a block comment */
      network Xor {
          input 2;
          dense 3 leaky_relu(0.2) as hidden;   // the hidden layer
          dense 1 sigmoid {
              bias = 0.5;
          }
          loss binary_cross_entropy;
          init he(seed = 4);
          optimizer adam(rate = 0.02);
          PRECISION
      }
      """;

  private static Network check(String name, String text) {
    FrontEndResult result = NetcFrontEnd.check(new SourceFile(name, text));
    assertTrue(
        result.model().isPresent(), () -> "does not check:\n" + text + "\n" + result.diagnostics());
    return result.model().get().networks().get(0);
  }

  /** {@code network} with random explicit parameters, hard cases first. */
  private static Network withRandomParameters(Network network, long seed) {
    Random random = new Random(seed);
    double[] special =
        network.precision() == Precision.FLOAT
            ? new double[] {
              0.0,
              -0.0,
              Float.MIN_VALUE,
              1e-40,
              -Float.MAX_VALUE,
              0.1f + 0.2f,
              1e23f,
              16777216.0,
              0.1f,
              3.3333333f
            }
            : new double[] {
              0.0,
              -0.0,
              Double.MIN_VALUE,
              1e-300,
              -Double.MAX_VALUE,
              0.1 + 0.2,
              1e23,
              3.4028234663852886e38,
              1.401298464324817e-45,
              16777217.0
            };
    int k = 0;
    List<DenseLayer> layers = new ArrayList<>();
    for (DenseLayer l : network.layers()) {
      double[] w = new double[l.units() * l.inputs()];
      for (int i = 0; i < w.length; i++) {
        w[i] =
            k < special.length
                ? special[k++]
                : random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
      }
      double[] b = new double[l.units()];
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextGaussian();
      }
      if (network.precision() == Precision.FLOAT) {
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) w[i];
        }
        for (int i = 0; i < b.length; i++) {
          b[i] = (float) b[i];
        }
      }
      layers.add(
          new DenseLayer(
              l.number(),
              l.name(),
              l.units(),
              l.inputs(),
              l.activation(),
              l.activationParameter(),
              java.util.Optional.of(Matrix.of(l.units(), l.inputs(), w)),
              java.util.Optional.of(Vector.of(b)),
              l.span()));
    }
    return new Network(
        network.name(),
        network.packageName(),
        network.sourceName(),
        network.inputSize(),
        layers,
        network.loss(),
        network.init(),
        network.optimizer(),
        network.regularizer(),
        network.clip(),
        network.precision(),
        network.span());
  }

  /** The values of every layer as read by a network of {@code precision}, as raw bits. */
  private static List<Long> bits(Network network) {
    List<Long> bits = new ArrayList<>();
    for (DenseLayer l : network.layers()) {
      for (double v : l.weights().get().toArray()) {
        bits.add(bitsIn(v, network.precision()));
      }
      for (double v : l.bias().get().toArray()) {
        bits.add(bitsIn(v, network.precision()));
      }
    }
    return bits;
  }

  private static long bitsIn(double v, Precision precision) {
    return precision == Precision.FLOAT
        ? Float.floatToRawIntBits((float) v)
        : Double.doubleToRawLongBits(v);
  }

  @Test
  void rewrittenFileReadsBackTheSameBitsAndKeepsItsText() {
    for (String precision : List.of("", "precision float;")) {
      String text = SOURCE.replace("PRECISION", precision);
      Network trained = withRandomParameters(check("xor.nn", text), 11);
      String written = SourceRewriter.withParameters(new SourceFile("xor.nn", text), trained);
      Network read = check("trained.nn", written);
      assertEquals(bits(trained), bits(read), written);
      assertThat(written)
          .contains("// xor.nn: a comment that must survive\npackage com.example.xor;");
      assertThat(written).contains("/* a block comment */");
      assertThat(written)
          .contains(
              "    dense 3 leaky_relu(0.2) as hidden {\n        weights = [\n"
                  + "            [0.0, -0.0],\n");
      assertThat(written).contains("\n    }   // the hidden layer\n");
      assertThat(written).contains("init he(seed = 4);\n    optimizer adam(rate = 0.02);");
      assertThat(written).doesNotContain("bias = 0.5");
      assertEquals(read.optimizer(), trained.optimizer());
    }
  }

  @Test
  void printedFileReadsBackTheSameModel() {
    for (String precision : List.of("", "precision float;")) {
      Network trained =
          withRandomParameters(check("xor.nn", SOURCE.replace("PRECISION", precision)), 5);
      String written = NetworkPrinter.file(trained, List.of("imported", ""));
      assertThat(written)
          .startsWith("// imported\n//\npackage com.example.xor;\n\nnetwork Xor {\n");
      Network read = check("printed.nn", written);
      assertEquals(bits(trained), bits(read), written);
      assertEquals(trained.topology(), read.topology());
      assertEquals(trained.fingerprint(), read.fingerprint());
      assertEquals(trained.optimizer(), read.optimizer());
      assertEquals(trained.layers().get(0).name(), read.layers().get(0).name());
    }
  }

  @Test
  void severalNetworksKeepOnlyTheWrittenOne() {
    String text =
        "package p;\n// first\nnetwork A {\n  input 1;\n  dense 1 linear;\n"
            + "  loss squared_error;\n}\n\nnetwork B {\n  input 2;\n  dense 1 sigmoid;\n"
            + "  loss squared_error;\n}\n";
    FrontEndResult result = NetcFrontEnd.check(new SourceFile("two.nn", text));
    Network b = withRandomParameters(result.model().get().networks().get(1), 1);
    String written = SourceRewriter.withParameters(new SourceFile("two.nn", text), b);
    assertThat(written).startsWith("package p;\n// first\nnetwork B {\n");
    assertThat(written).doesNotContain("network A");
    assertEquals(bits(b), bits(check("b.nn", written)));
  }

  @Test
  void nonFiniteValuesAreRefused() {
    Network net = withRandomParameters(check("xor.nn", SOURCE.replace("PRECISION", "")), 2);
    DenseLayer l = net.layers().get(1);
    DenseLayer bad =
        new DenseLayer(
            l.number(),
            l.name(),
            l.units(),
            l.inputs(),
            l.activation(),
            l.activationParameter(),
            l.weights(),
            java.util.Optional.of(Vector.of(Double.NaN)),
            l.span());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NetworkPrinter.layerBody(bad, Precision.DOUBLE, ""));
    assertThat(e).hasMessageThat().contains("layer 2 (layer2): bias [0] is NaN");
  }

  @Test
  void convolutionAndPoolingLayersAreWrittenAndReadBack() {
    String text =
        """
        network Lenet {
            input 6 x 10 x 2;
            conv 3 3x3 leaky_relu(0.1) padding same as edges {
                weights = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
                           [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5],
                           [-1, -2, -3, -4, -5, -6, -7, -8, -9, -1, -2, -3, -4, -5, -6, -7, -8, -9]];
                bias = [0.1, 0.2, 0.3];
            }
            maxpool 2x2;
            conv 2 1x1 tanh stride 2 dropout(0.25);
            avgpool 2x1 stride 1;
            dense 2 softmax;
            loss cross_entropy;
            init xavier(seed = 3);
        }
        """;
    Network network = check("lenet.nn", text);
    String written = NetworkPrinter.file(network, List.of());
    assertTrue(written.contains("    input 6 x 10 x 2;\n"), written);
    assertTrue(
        written.contains("    conv 3 3x3 leaky_relu(a = 0.1) padding same as edges {\n"), written);
    assertTrue(written.contains("    maxpool 2x2;\n"), written);
    assertTrue(written.contains("    conv 2 1x1 tanh stride 2 dropout(0.25);\n"), written);
    assertTrue(written.contains("    avgpool 2x1 stride 1;\n"), written);
    Network back = check("written.nn", written);
    assertEquals(network.canonicalTopology(), back.canonicalTopology());
    assertEquals(network.features().get(0), withSpan(back.features().get(0), network));
    assertEquals(0.25, ((ConvLayer) back.features().get(2)).dropout());
  }

  @Test
  void declaredActivationsOfConvolutionsAreWrittenAndReadBack() {
    String text =
        """
        network Images {
            input 8 x 8 x 1;
            conv 3 3x3 gelu;
            conv 2 3x3 hard_tanh(high = 0.9) dropout(0.2);
            maxpool 2x2;
            dense 2 softmax;
            loss cross_entropy;
        }
        """;
    Network network = check("images.nn", text);
    String written = NetworkPrinter.file(network, List.of());
    assertTrue(written.contains("    conv 3 3x3 gelu;\n"), written);
    assertTrue(
        written.contains("    conv 2 3x3 hard_tanh(low = -1, high = 0.9) dropout(0.2);\n"),
        written);
    Network back = check("written.nn", written);
    assertEquals(network.canonicalTopology(), back.canonicalTopology());
    assertEquals(network.declaredActivations(), back.declaredActivations());
    assertThat(network.declaredActivations()).hasSize(2);
    assertThat(network.topology()).contains("conv 2 3x3 hard_tanh");
  }

  @Test
  void theFilesOwnActivationsAreDeclaredInTheWrittenFile() {
    String text =
        """
        activation bent(x) = (sqrt(x^2 + 1) - 1) / 2 + x;
        activation scaled(x, a = 1.7159, b = 0.6667) = a * tanh(b * x);
        activation twice(x) = 2 * bent(x);
        network Own {
            input 3;
            dense 4 scaled(b = 0.5);
            dense 4 twice dropout(0.1);
            dense 4 swish;
            dense 2 scaled;
            loss squared_error;
        }
        """;
    Network network = check("own.nn", text);
    String written = NetworkPrinter.file(network, List.of());
    assertTrue(
        written.startsWith(
            "activation scaled(x, a = 1.7159, b = 0.6667) = a * tanh(b * x);\n"
                + "activation twice(x) = "),
        written);
    assertTrue(written.contains("    dense 4 scaled(a = 1.7159, b = 0.5);\n"), written);
    assertTrue(written.contains("    dense 4 swish;\n"), written);
    assertThat(written).doesNotContain("activation swish");
    assertThat(written).doesNotContain("activation bent");
    Network back = check("written.nn", written);
    for (int l = 0; l < network.layers().size(); l++) {
      var before = network.layers().get(l).declared().orElseThrow();
      var after = back.layers().get(l).declared().orElseThrow();
      assertEquals(before.arguments(), after.arguments(), "layer " + l);
      assertEquals(
          before.activation().derivation().functionText(n -> n),
          after.activation().derivation().functionText(n -> n),
          "layer " + l);
    }
  }

  /** {@code layer} with the span of the same layer of {@code network}, to compare the rest. */
  private static FeatureLayer withSpan(FeatureLayer layer, Network network) {
    ConvLayer c = (ConvLayer) layer;
    return new ConvLayer(
        c.number(),
        c.name(),
        c.input(),
        c.filters(),
        c.window(),
        c.activation(),
        c.activationParameter(),
        c.dropout(),
        c.weights(),
        c.bias(),
        network.features().get(0).span(),
        c.declared());
  }

  @Test
  void printsDropoutAfterTheActivationAndBeforeTheName() {
    Network network =
        check(
            "dropout.nn",
            """
            network D {
                input 4;
                dense 8 leaky_relu(0.1) dropout(0.25) as hidden;
                dense 8 relu dropout(0);
                dense 6 tanh dropout(0.5) {
                    bias = 0.5;
                }
                dense 3 softmax;
                loss cross_entropy;
            }
            """);
    assertEquals(0.25, network.layers().get(0).dropout());
    assertEquals(0.0, network.layers().get(1).dropout());
    String text = NetworkPrinter.file(network, List.of());
    assertThat(text).contains("dense 8 leaky_relu(a = 0.1) dropout(0.25) as hidden;\n");
    assertThat(text).contains("dense 8 relu;\n");
    assertThat(text).contains("dense 6 tanh dropout(0.5) {\n");
    Network again = check("again.nn", text);
    assertEquals(4, again.layers().size());
    for (int l = 0; l < 4; l++) {
      assertEquals(
          network.layers().get(l).dropout(), again.layers().get(l).dropout(), "layer " + l);
    }
  }
}
