package dev.netc.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written convolutional baseline computes what PyTorch computes for the references of
 * testdata/conv: every layer's output, the first step's gradients (convolution, max pooling to the
 * first argmax, overlapping and average pooling, padding), and the parameters after every step of
 * SGD (plain, momentum, nesterov), Adam, RMSprop and AdaGrad, with l2 and both clips, within {@code
 * 1e-12 + 1e-9 |expected|}. It also agrees with central differences of its own loss on a LeNet
 * shape.
 */
class HandConvTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path references() {
    return Path.of(System.getProperty("netc.testdata", "../testdata"), "conv");
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(references())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyReferenceIsThere() throws IOException {
    assertTrue(cases().count() >= 6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trainsLikePyTorch(String name) throws IOException {
    JsonNode root = JSON.readTree(references().resolve(name + ".json").toFile());
    HandConv net = build(root);
    int[] withParameters = parameterLayers(root);
    set(net, root.get("initial_params"), withParameters);

    JsonNode examples = root.get("examples");
    double[][] xs = new double[examples.size()][];
    double[][] ts = new double[examples.size()][];
    for (int e = 0; e < xs.length; e++) {
      xs[e] = doubles(examples.get(e).get("x"));
      ts[e] = doubles(examples.get(e).get("t"));
      net.forward(xs[e]);
      JsonNode forward = root.get("forward").get(e);
      for (int l = 0; l < net.layerCount(); l++) {
        assertClose(
            doubles(forward.get("outputs").get(l)),
            net.output(l),
            name + ": example " + e + ", output of layer " + (l + 1));
      }
      assertClose(
          new double[] {forward.get("loss").asDouble()},
          new double[] {net.loss(ts[e])},
          name + ": example " + e + ", loss");
    }

    JsonNode steps = root.get("steps");
    for (int s = 0; s < steps.size(); s++) {
      int e = steps.get(s).get("example").asInt();
      net.zeroGradients();
      net.accumulate(xs[e], ts[e]);
      if (s == 0) {
        JsonNode gradients = root.get("first_step_gradients");
        for (int p = 0; p < withParameters.length; p++) {
          int l = withParameters[p];
          assertClose(
              matrix(gradients.get(p).get("W")),
              net.dw(l),
              name + ": first step, dW of layer " + (l + 1));
          assertClose(
              doubles(gradients.get(p).get("b")),
              net.db(l),
              name + ": first step, db of layer " + (l + 1));
        }
      }
      net.update();
      JsonNode after = steps.get(s).get("params_after");
      for (int p = 0; p < withParameters.length; p++) {
        int l = withParameters[p];
        assertClose(
            matrix(after.get(p).get("W")),
            net.w(l),
            name + ": after step " + (s + 1) + ", W of layer " + (l + 1));
        assertClose(
            doubles(after.get(p).get("b")),
            net.b(l),
            name + ": after step " + (s + 1) + ", b of layer " + (l + 1));
      }
    }
  }

  @Test
  void leNetGradientMatchesCentralDifferences() {
    HandConv net =
        HandConv.input(12, 12, 2)
            .conv(3, 3, 3, 1, false, HandConv.Act.TANH, 0)
            .pool(true, 2, 2, 2, 2)
            .conv(4, 3, 3, 2, true, HandConv.Act.ELU, 1)
            .pool(false, 3, 3, 3, 3)
            .dense(5, HandConv.Act.SIGMOID, 0)
            .dense(3, HandConv.Act.SOFTMAX, 0)
            .loss(HandConv.Loss.CROSS_ENTROPY)
            .build();
    java.util.Random random = new java.util.Random(11);
    for (int l = 0; l < net.layerCount(); l++) {
      fill(net.w(l), random, 0.5);
      fill(net.b(l), random, 0.1);
    }
    double[] x = new double[12 * 12 * 2];
    fill(x, random, 1);
    double[] t = {0, 1, 0};
    net.zeroGradients();
    net.accumulate(x, t);
    double h = 1e-6;
    for (int l = 0; l < net.layerCount(); l++) {
      for (double[][] pair : new double[][][] {{net.w(l), net.dw(l)}, {net.b(l), net.db(l)}}) {
        double[] p = pair[0];
        for (int i = 0; i < p.length; i++) {
          double keep = p[i];
          p[i] = keep + h;
          net.forward(x);
          double plus = net.loss(t);
          p[i] = keep - h;
          net.forward(x);
          double minus = net.loss(t);
          p[i] = keep;
          double numeric = (plus - minus) / (2 * h);
          assertEquals(
              numeric,
              pair[1][i],
              1e-7 + 1e-5 * Math.abs(numeric),
              "layer " + (l + 1) + " parameter " + i);
        }
      }
    }
  }

  private static void fill(double[] values, java.util.Random random, double scale) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (random.nextDouble() * 2 - 1) * scale;
    }
  }

  private static HandConv build(JsonNode root) {
    JsonNode shape = root.get("input_shape");
    HandConv net = HandConv.input(shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt());
    for (JsonNode layer : root.get("layers")) {
      String kind = layer.get("kind").asText();
      double a = layer.path("activation_param").asDouble(0);
      switch (kind) {
        case "conv" ->
            net.conv(
                layer.get("filters").asInt(),
                layer.get("window").get(0).asInt(),
                layer.get("window").get(1).asInt(),
                layer.get("stride").asInt(),
                layer.get("padding").asText().equals("same"),
                HandConv.Act.of(layer.get("activation").asText()),
                a);
        case "maxpool", "avgpool" ->
            net.pool(
                kind.equals("maxpool"),
                layer.get("window").get(0).asInt(),
                layer.get("window").get(1).asInt(),
                layer.get("stride").get(0).asInt(),
                layer.get("stride").get(1).asInt());
        default ->
            net.dense(
                layer.get("units").asInt(), HandConv.Act.of(layer.get("activation").asText()), a);
      }
    }
    net.loss(HandConv.Loss.of(root.get("loss").asText()));
    JsonNode optimizer = root.get("optimizer");
    double rate = optimizer.get("rate").asDouble();
    switch (optimizer.get("kind").asText()) {
      case "adam" ->
          net.adam(
              rate,
              optimizer.get("beta1").asDouble(),
              optimizer.get("beta2").asDouble(),
              optimizer.get("epsilon").asDouble());
      case "rmsprop" ->
          net.rmsprop(rate, optimizer.get("rho").asDouble(), optimizer.get("epsilon").asDouble());
      case "adagrad" -> net.adagrad(rate, optimizer.get("epsilon").asDouble());
      default ->
          net.sgd(
              rate,
              optimizer.get("momentum").asDouble(),
              optimizer.path("nesterov").asBoolean(false));
    }
    net.l2(root.get("l2").asDouble());
    if (!root.get("clip_norm").isNull()) {
      net.clipNorm(root.get("clip_norm").asDouble());
    }
    if (!root.get("clip_value").isNull()) {
      net.clipValue(root.get("clip_value").asDouble());
    }
    return net.build();
  }

  /** The indexes of the layers with parameters, in order. */
  private static int[] parameterLayers(JsonNode root) {
    return java.util.stream.IntStream.range(0, root.get("layers").size())
        .filter(l -> root.get("layers").get(l).get("parameters").asInt() > 0)
        .toArray();
  }

  private static void set(HandConv net, JsonNode params, int[] layers) {
    for (int p = 0; p < layers.length; p++) {
      double[] w = matrix(params.get(p).get("W"));
      double[] b = doubles(params.get(p).get("b"));
      assertEquals(net.w(layers[p]).length, w.length, "weights of layer " + (layers[p] + 1));
      System.arraycopy(w, 0, net.w(layers[p]), 0, w.length);
      System.arraycopy(b, 0, net.b(layers[p]), 0, b.length);
    }
  }

  private static double[] matrix(JsonNode rows) {
    int cols = rows.get(0).size();
    double[] values = new double[rows.size() * cols];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(doubles(rows.get(r)), 0, values, r * cols, cols);
    }
    return values;
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-12 + 1e-9 * Math.abs(expected[i]);
      if (Math.abs(expected[i] - actual[i]) > tolerance) {
        throw new AssertionError(
            what + " [" + i + "]: expected " + expected[i] + " (PyTorch), actual " + actual[i]);
      }
    }
  }
}
