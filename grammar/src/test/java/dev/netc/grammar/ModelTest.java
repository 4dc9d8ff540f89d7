package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Matrix;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import dev.netc.grammar.model.Regularizer;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.model.Vector;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Valid files become the model they describe, every default of the language (docs/language.md)
 * filled in.
 */
class ModelTest {

  @Test
  void firstFileOfTheSpec() {
    NetworkFile file =
        Check.file(
            "// iris.nn: 4 measurements in, 3 species out\n"
                + "package com.example.iris;\n"
                + "\n"
                + "network IrisNet {\n"
                + "    input 4;\n"
                + "    dense 8 tanh;\n"
                + "    dense 3 softmax;\n"
                + "    loss cross_entropy;\n"
                + "    init xavier(seed = 7);\n"
                + "    optimizer sgd(rate = 0.05, momentum = 0.9);\n"
                + "}\n");
    assertEquals("test.nn", file.sourceName());
    assertEquals(Optional.of("com.example.iris"), file.packageName());
    assertEquals(1, file.networks().size());
    Network net = file.networks().get(0);
    assertEquals("IrisNet", net.name());
    assertEquals(Optional.of("com.example.iris"), net.packageName());
    assertEquals("test.nn", net.sourceName());
    assertEquals(4, net.inputSize());
    assertEquals(
        List.of(
            new DenseLayer(
                1,
                "layer1",
                8,
                4,
                Activation.TANH,
                Double.NaN,
                Optional.empty(),
                Optional.empty(),
                new Span(6, 5, 107, 112)),
            new DenseLayer(
                2,
                "layer2",
                3,
                8,
                Activation.SOFTMAX,
                Double.NaN,
                Optional.empty(),
                Optional.empty(),
                new Span(7, 5, 125, 130))),
        net.layers());
    assertEquals(Loss.CROSS_ENTROPY, net.loss());
    assertEquals(new Init.Xavier(7), net.init());
    assertEquals(new Optimizer.Sgd(0.05, 0.9, false), net.optimizer());
    assertEquals(Optional.empty(), net.regularizer());
    assertEquals(Optional.empty(), net.clip());
    assertEquals(Precision.DOUBLE, net.precision());
    assertEquals(new Span(4, 9, 80, 87), net.span());
    assertEquals("com.example.iris.IrisNet", net.qualifiedName("ignored"));
    assertEquals("4 -> 8 tanh -> 3 softmax", net.topology());
  }

  @Test
  void defaultsAreFilledIn() {
    Network net = Check.network("network N { input 2; dense 1 sigmoid; loss squared_error; }");
    assertEquals(Init.DEFAULT, net.init());
    assertEquals(new Init.Xavier(0), net.init());
    assertEquals(Optimizer.DEFAULT, net.optimizer());
    assertEquals(new Optimizer.Sgd(0.01, 0, false), net.optimizer());
    assertEquals(Precision.DOUBLE, net.precision());
    assertEquals(Optional.empty(), net.regularizer());
    assertEquals(Optional.empty(), net.clip());
    assertEquals(Optional.empty(), net.packageName());
    assertEquals("N", net.qualifiedName(null));
    assertEquals("x.y.N", net.qualifiedName("x.y"));
  }

  @Test
  void wordsOfTheLanguageAreNamesWhereANameIsExpected() {
    NetworkFile file =
        Check.file(
            "package com.acme.network;\n"
                + "network input {\n"
                + "  input 2;\n"
                + "  dense 3 tanh as input;\n"
                + "  dense 2 relu as dense;\n"
                + "  dense 1 sigmoid as loss;\n"
                + "  loss binary_cross_entropy;\n"
                + "}\n");
    assertEquals(Optional.of("com.acme.network"), file.packageName());
    Network net = file.networks().get(0);
    assertEquals("input", net.name());
    assertEquals(
        List.of("input", "dense", "loss"), net.layers().stream().map(DenseLayer::name).toList());
  }

  @Test
  void unnamedLayersAreNumberedAmongNamedOnes() {
    Network net =
        Check.withStatements("dense 3 tanh;", "dense 3 tanh as middle;", "dense 2 linear;");
    assertEquals(
        List.of("layer1", "middle", "layer3"),
        net.layers().stream().map(DenseLayer::name).toList());
    assertEquals(List.of(1, 2, 3), net.layers().stream().map(DenseLayer::number).toList());
    assertEquals(List.of(4, 3, 3), net.layers().stream().map(DenseLayer::inputs).toList());
  }

  @Test
  void activationParametersTakeTheirDefaults() {
    Network net =
        Check.withStatements(
            "dense 3 leaky_relu;",
            "dense 3 leaky_relu();",
            "dense 3 leaky_relu(0.2);",
            "dense 3 leaky_relu(a = 0.3);",
            "dense 3 elu;",
            "dense 3 elu(-2);",
            "dense 2 tanh();");
    List<DenseLayer> layers = net.layers();
    assertEquals(0.01, layers.get(0).activationParameter());
    assertEquals(0.01, layers.get(1).activationParameter());
    assertEquals(0.2, layers.get(2).activationParameter());
    assertEquals(0.3, layers.get(3).activationParameter());
    assertEquals(1.0, layers.get(4).activationParameter());
    assertEquals(-2.0, layers.get(5).activationParameter());
    assertTrue(Double.isNaN(layers.get(6).activationParameter()));
    assertEquals(Activation.ELU, layers.get(5).activation());
  }

  @Test
  void dropoutIsTheRateAfterTheActivationAndZeroWithoutIt() {
    Network net =
        Check.withStatements(
            "dense 3 tanh dropout(0.25);",
            "dense 3 leaky_relu(0.2) dropout(0) as middle;",
            "dense 3 relu dropout(.5) { bias = 1; }",
            "dense 3 relu;",
            "dense 2 linear;");
    assertEquals(0.25, net.layers().get(0).dropout());
    assertTrue(net.layers().get(0).hasDropout());
    assertEquals(0.0, net.layers().get(1).dropout());
    assertFalse(net.layers().get(1).hasDropout());
    assertEquals("middle", net.layers().get(1).name());
    assertEquals(0.5, net.layers().get(2).dropout());
    assertEquals(1.0, net.layers().get(2).bias().orElseThrow().get(0));
    assertEquals(0.0, net.layers().get(3).dropout());
    for (double rate : new double[] {-0.1, 1.0, Double.NaN}) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new DenseLayer(
                  1,
                  "layer1",
                  3,
                  2,
                  Activation.TANH,
                  Double.NaN,
                  rate,
                  Optional.empty(),
                  Optional.empty(),
                  Span.NONE,
                  Optional.empty()),
          "rate " + rate);
    }
  }

  @Test
  void aliasesNameTheSameActivation() {
    Network net =
        Check.withStatements("dense 3 logistic;", "dense 3 identity;", "dense 3 softplus;");
    assertEquals(
        List.of(Activation.SIGMOID, Activation.LINEAR, Activation.SOFTPLUS),
        net.layers().stream().map(DenseLayer::activation).toList());
  }

  @Test
  void positionalThenNamedArguments() {
    assertEquals(
        new Optimizer.Sgd(0.05, 0.9, true),
        Check.withStatements("dense 1 tanh;", "optimizer sgd(0.05, momentum = 0.9, nesterov = 1);")
            .optimizer());
    assertEquals(
        new Optimizer.Adam(0.01, 0.8, 0.999, 1e-8),
        Check.withStatements("dense 1 tanh;", "optimizer adam(0.01, beta1 = 0.8);").optimizer());
    assertEquals(
        new Optimizer.Adam(0.001, 0.9, 0.999, 1e-8),
        Check.withStatements("dense 1 tanh;", "optimizer adam;").optimizer());
    assertEquals(
        new Optimizer.RmsProp(0.002, 0.95, 1e-7),
        Check.withStatements("dense 1 tanh;", "optimizer rmsprop(0.002, 0.95, 1e-7);").optimizer());
    assertEquals(
        new Optimizer.AdaGrad(0.01, 1e-8),
        Check.withStatements("dense 1 tanh;", "optimizer adagrad();").optimizer());
    assertEquals(
        new Optimizer.Sgd(0.01, 0, false),
        Check.withStatements("dense 1 tanh;", "optimizer sgd;").optimizer());
  }

  @Test
  void initsWithDefaultsAndSeeds() {
    assertEquals(
        new Init.Constant(0.1, 0), Check.withStatements("dense 1 tanh;", "init constant;").init());
    assertEquals(
        new Init.Uniform(-0.5, 0.5, 0),
        Check.withStatements("dense 1 tanh;", "init uniform();").init());
    assertEquals(
        new Init.Uniform(-1, 2, 42),
        Check.withStatements("dense 1 tanh;", "init uniform(-1, 2, seed = 42);").init());
    assertEquals(
        new Init.He(Long.MAX_VALUE),
        Check.withStatements("dense 1 tanh;", "init he(seed = 9223372036854775807);").init());
    assertEquals(
        new Init.Xavier(1000), Check.withStatements("dense 1 tanh;", "init xavier(1e3);").init());
  }

  @Test
  void regularizeClipAndPrecision() {
    Network net =
        Check.withStatements(
            "dense 1 tanh;", "regularize l2(0.0001);", "clip norm(max = 5);", "precision float;");
    assertEquals(Optional.of(new Regularizer.L2(0.0001)), net.regularizer());
    assertEquals(Optional.of(new Clip.Norm(5)), net.clip());
    assertEquals(Precision.FLOAT, net.precision());
    assertEquals(
        Optional.of(new Clip.Value(1)),
        Check.withStatements("dense 1 tanh;", "clip value(1);").clip());
    assertEquals(
        Optional.of(new Regularizer.L2(0)),
        Check.withStatements("dense 1 tanh;", "regularize l2(lambda = 0);").regularizer());
  }

  @Test
  void explicitWeightsAndBiases() {
    Network net =
        Check.network(
            "network N {\n"
                + "  input 3;\n"
                + "  dense 2 tanh {\n"
                + "    bias = 0.5;\n"
                + "    weights = [[1, -2, .5], [1e-3, -2.5E+2, 0]];\n"
                + "  }\n"
                + "  dense 1 sigmoid { bias = [-1]; }\n"
                + "  dense 1 sigmoid { }\n"
                + "  loss binary_cross_entropy;\n"
                + "}\n");
    DenseLayer first = net.layers().get(0);
    assertEquals(
        Optional.of(Matrix.of(2, 3, new double[] {1, -2, 0.5, 1e-3, -250, 0})), first.weights());
    assertEquals(Optional.of(Vector.of(0.5, 0.5)), first.bias());
    assertEquals(Optional.empty(), net.layers().get(1).weights());
    assertEquals(Optional.of(Vector.of(-1)), net.layers().get(1).bias());
    assertEquals(Optional.empty(), net.layers().get(2).bias());
  }

  @Test
  void severalNetworksInFileOrder() {
    NetworkFile file =
        Check.file(
            "network A { input 1; dense 1 linear; loss squared_error; }\n"
                + "/* block\n comment */\n"
                + "network B { loss mean_squared_error; dense 2 relu; input 3; }\n");
    assertEquals(List.of("A", "B"), file.networks().stream().map(Network::name).toList());
    assertEquals(3, file.network("B").orElseThrow().inputSize());
    assertEquals(Loss.MEAN_SQUARED_ERROR, file.network("B").orElseThrow().loss());
  }

  @Test
  void windowsLineEndsAndByteOrderMark() {
    FrontEndResult result =
        Check.result(
            "\uFEFFnetwork N {\r\n  input 2;\r\n  dense 1 sigmoid;\r\n"
                + "  loss squared_error;\r\n}\r\n");
    assertFalse(result.hasErrors());
    assertEquals(new Span(1, 9, 8, 9), result.model().orElseThrow().networks().get(0).span());
    Network net = result.model().orElseThrow().networks().get(0);
    assertEquals(new Span(3, 3, 27, 32), net.layers().get(0).span());
  }

  @Test
  void sizesMayBeWrittenAsWholeNumbersInAnyForm() {
    Network net =
        Check.network(
            "network N { input 4.0; dense 1e1 tanh; dense 20E-1 linear; loss squared_error; }");
    assertEquals(4, net.inputSize());
    assertEquals(List.of(10, 2), net.layers().stream().map(DenseLayer::units).toList());
  }

  @Test
  void warningsDoNotStopTheModel() {
    FrontEndResult result =
        Check.result("network N { input 2; dense 5000 relu; dense 1 linear; loss squared_error; }");
    assertFalse(result.hasErrors());
    assertEquals(1, result.diagnostics().size());
    assertTrue(result.model().isPresent());
  }
}
