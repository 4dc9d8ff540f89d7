package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Layer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.PoolLayer;
import dev.netc.grammar.model.Shape;
import dev.netc.grammar.model.Window;
import dev.netc.grammar.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PyTorch references of testdata/conv (made by its make_references.py): each {@code .nn} parses
 * into the layers, shapes and parameter counts the JSON records, and a plain forward pass over the
 * model (HWC tensors, weights in (ky, kx, c) order, the model's own padding) gives PyTorch's output
 * of every layer and the loss, within {@code 1e-12 + 1e-9 |expected|}. This pins the layout and the
 * same-padding convention of the model against an independent implementation.
 */
class ConvReferenceTest {
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
  void everyCaseIsThere() throws IOException {
    assertTrue(cases().count() >= 6, "six reference cases");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forwardMatchesPyTorch(String name) throws IOException {
    JsonNode root = JSON.readTree(references().resolve(name + ".json").toFile());
    String text = Files.readString(references().resolve(name + ".nn"), StandardCharsets.UTF_8);
    FrontEndResult result = NetcFrontEnd.check(new SourceFile(name + ".nn", text));
    assertTrue(result.model().isPresent(), name + ": " + result.diagnostics());
    Network net = result.model().get().networks().get(0);

    JsonNode shape = root.get("input_shape");
    assertEquals(
        new Shape(shape.get(0).asInt(), shape.get(1).asInt(), shape.get(2).asInt()),
        net.inputShape(),
        name + ": input");
    List<Layer> layers = net.allLayers();
    JsonNode described = root.get("layers");
    assertEquals(described.size(), layers.size(), name + ": layers");
    for (int l = 0; l < layers.size(); l++) {
      JsonNode layer = described.get(l);
      JsonNode out = layer.get("output_shape");
      String where = name + ": " + layer.get("layer").asText();
      assertEquals(layer.get("layer").asText(), layers.get(l).name(), where);
      assertEquals(
          new Shape(out.get(0).asInt(), out.get(1).asInt(), out.get(2).asInt()),
          layers.get(l).output(),
          where + " output shape");
      assertEquals(layer.get("parameters").asLong(), layers.get(l).parameterCount(), where);
    }

    JsonNode examples = root.get("examples");
    for (int e = 0; e < examples.size(); e++) {
      double[] x = doubles(examples.get(e).get("x"));
      JsonNode expected = root.get("forward").get(e);
      for (int l = 0; l < layers.size(); l++) {
        x = forward(layers.get(l), x);
        assertClose(
            doubles(expected.get("outputs").get(l)),
            x,
            name + ": example " + e + ", output of " + layers.get(l).name());
      }
      double loss = loss(net, x, doubles(examples.get(e).get("t")));
      assertClose(
          new double[] {expected.get("loss").asDouble()},
          new double[] {loss},
          name + ": example " + e + ", loss");
    }
  }

  private static double[] forward(Layer layer, double[] in) {
    if (layer instanceof ConvLayer conv) {
      return conv(conv, in);
    } else if (layer instanceof PoolLayer pool) {
      return pool(pool, in);
    }
    DenseLayer dense = (DenseLayer) layer;
    double[] w = dense.weights().orElseThrow().toArray();
    double[] z = dense.bias().orElseThrow().toArray();
    for (int i = 0; i < dense.units(); i++) {
      for (int j = 0; j < dense.inputs(); j++) {
        z[i] += w[i * dense.inputs() + j] * in[j];
      }
    }
    if (dense.activation().dslName().equals("softmax")) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : z) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int i = 0; i < z.length; i++) {
        z[i] = Math.exp(z[i] - max);
        sum += z[i];
      }
      for (int i = 0; i < z.length; i++) {
        z[i] /= sum;
      }
      return z;
    }
    for (int i = 0; i < z.length; i++) {
      z[i] = activate(dense.activation().dslName(), dense.activationParameter(), z[i]);
    }
    return z;
  }

  private static double[] conv(ConvLayer conv, double[] in) {
    Shape input = conv.input();
    Shape output = conv.output();
    Window window = conv.window();
    double[] w = conv.weights().orElseThrow().toArray();
    double[] b = conv.bias().orElseThrow().toArray();
    int top = window.padTop(input.height());
    int left = window.padLeft(input.width());
    int fanIn = conv.fanIn();
    double[] out = new double[Math.toIntExact(output.size())];
    for (int y = 0; y < output.height(); y++) {
      for (int x = 0; x < output.width(); x++) {
        for (int f = 0; f < conv.filters(); f++) {
          double z = b[f];
          for (int ky = 0; ky < window.height(); ky++) {
            int iy = y * window.strideY() + ky - top;
            for (int kx = 0; kx < window.width(); kx++) {
              int ix = x * window.strideX() + kx - left;
              if (iy < 0 || iy >= input.height() || ix < 0 || ix >= input.width()) {
                continue; // a zero of the padding
              }
              for (int c = 0; c < input.channels(); c++) {
                z +=
                    w[f * fanIn + (ky * window.width() + kx) * input.channels() + c]
                        * in[input.index(iy, ix, c)];
              }
            }
          }
          out[output.index(y, x, f)] =
              activate(conv.activation().dslName(), conv.activationParameter(), z);
        }
      }
    }
    return out;
  }

  private static double[] pool(PoolLayer pool, double[] in) {
    Shape input = pool.input();
    Shape output = pool.output();
    Window window = pool.window();
    double[] out = new double[Math.toIntExact(output.size())];
    for (int y = 0; y < output.height(); y++) {
      for (int x = 0; x < output.width(); x++) {
        for (int c = 0; c < input.channels(); c++) {
          double max = Double.NEGATIVE_INFINITY;
          double sum = 0;
          for (int ky = 0; ky < window.height(); ky++) {
            for (int kx = 0; kx < window.width(); kx++) {
              double v = in[input.index(y * window.strideY() + ky, x * window.strideX() + kx, c)];
              max = Math.max(max, v);
              sum += v;
            }
          }
          out[output.index(y, x, c)] =
              pool.kind() == PoolLayer.Kind.MAX ? max : sum / (window.height() * window.width());
        }
      }
    }
    return out;
  }

  private static double activate(String name, double a, double z) {
    return switch (name) {
      case "relu" -> Math.max(0, z);
      case "tanh" -> Math.tanh(z);
      case "sigmoid" -> 1 / (1 + Math.exp(-z));
      case "leaky_relu" -> z > 0 ? z : a * z;
      case "elu" -> z > 0 ? z : a * (Math.exp(z) - 1);
      case "softplus" -> z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      case "linear" -> z;
      default -> throw new IllegalArgumentException("no reference for " + name);
    };
  }

  private static double loss(Network net, double[] y, double[] t) {
    double loss = 0;
    for (int k = 0; k < y.length; k++) {
      loss +=
          switch (net.loss().dslName()) {
            case "cross_entropy" -> -t[k] * Math.log(y[k]);
            case "binary_cross_entropy" ->
                -(t[k] * Math.log(y[k]) + (1 - t[k]) * Math.log(1 - y[k]));
            case "squared_error" -> 0.5 * (y[k] - t[k]) * (y[k] - t[k]);
            default -> throw new IllegalArgumentException(net.loss().dslName());
          };
    }
    return loss;
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
