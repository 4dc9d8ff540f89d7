package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.grammar.source.SourceFile;
import dev.netc.runtime.network.CompiledNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The convolution and pooling networks of testdata/conv (PyTorch's numbers, made by the script
 * there) through the generated classes: every layer's output and the loss of every example with the
 * initial parameters, the first step's gradients, and the parameters after every step, both through
 * the fused {@code trainStep} and through {@code accumulateGradient} then {@code applyGradient}.
 * Double within {@code 1e-12 + 1e-9 |expected|}; the same files compiled with {@code precision
 * float} within {@code 1e-5 + 1e-4 |expected|}.
 */
class ConvReferenceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Compiled compiled;

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

  @BeforeAll
  static void compileAll() throws IOException {
    List<GeneratedClass> classes = new ArrayList<>();
    List<String> names = cases().toList();
    assertThat(names).hasSize(6);
    for (String name : names) {
      String text = Files.readString(references().resolve(name + ".nn"));
      classes.addAll(compile(name + ".nn", text));
      String network = networkName(text);
      String floatText =
          text.replace("network " + network + " ", "network " + network + "Float ")
              .replaceFirst("\n}\\s*$", "\n    precision float;\n}\n");
      classes.addAll(compile(name + "_float.nn", floatText));
    }
    compiled = Compiled.ofClasses(classes);
  }

  private static List<GeneratedClass> compile(String file, String text) {
    CompileResult result =
        NetcCompiler.compile(
            List.of(new CompileInput(new SourceFile(file, text), Optional.of("conv"))));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.classes()).hasSize(1);
    return result.classes();
  }

  static String networkName(String text) {
    int start = text.indexOf("network ") + "network ".length();
    return text.substring(start, text.indexOf(' ', start));
  }

  @ParameterizedTest(name = "{0} double")
  @MethodSource("cases")
  void doubleMatchesPyTorch(String name) throws IOException {
    replay(name, "", 1e-12, 1e-9);
  }

  @ParameterizedTest(name = "{0} float")
  @MethodSource("cases")
  void floatMatchesPyTorchWithinFloatTolerance(String name) throws IOException {
    replay(name, "Float", 1e-5, 1e-4);
  }

  private void replay(String name, String suffix, double absolute, double relative)
      throws IOException {
    JsonNode root = JSON.readTree(references().resolve(name + ".json").toFile());
    String network = root.get("network").asText() + suffix;
    List<String> failures = new ArrayList<>();
    int[] compared = new int[1];
    Check check =
        (what, expected, actual) -> {
          if (expected.length != actual.length) {
            failures.add(what + ": " + expected.length + " values expected, " + actual.length);
            return;
          }
          for (int k = 0; k < expected.length; k++) {
            compared[0]++;
            double tolerance = absolute + relative * Math.abs(expected[k]);
            if (!(Math.abs(expected[k] - actual[k]) <= tolerance)) {
              failures.add(
                  String.format(
                      Locale.ROOT,
                      "%s[%d]: expected %.17g, got %.17g",
                      what,
                      k,
                      expected[k],
                      actual[k]));
            }
          }
        };
    List<Integer> withParameters = new ArrayList<>();
    JsonNode layers = root.get("layers");
    for (int l = 0; l < layers.size(); l++) {
      if (layers.get(l).get("parameters").asInt() > 0) {
        withParameters.add(l + 1);
      }
    }
    CompiledNetwork fused = compiled.create(network);
    CompiledNetwork unfused = compiled.create(network);
    JsonNode examples = root.get("examples");
    List<double[]> xs = new ArrayList<>();
    List<double[]> ts = new ArrayList<>();
    for (int e = 0; e < examples.size(); e++) {
      xs.add(flat(examples.get(e).get("x")));
      ts.add(flat(examples.get(e).get("t")));
      JsonNode forward = root.get("forward").get(e);
      CompiledNetwork probe = fused.copy();
      double loss = probe.loss(xs.get(e), ts.get(e));
      check.values(
          "example " + e + " loss",
          new double[] {forward.get("loss").asDouble()},
          new double[] {loss});
      for (int l = 0; l < layers.size(); l++) {
        check.values(
            "example " + e + " x" + (l + 1),
            flat(forward.get("outputs").get(l)),
            Compiled.field(probe, "x" + (l + 1)));
      }
    }
    JsonNode steps = root.get("steps");
    for (int s = 0; s < steps.size(); s++) {
      JsonNode step = steps.get(s);
      int e = step.get("example").asInt();
      double lossFused = fused.trainStep(xs.get(e), ts.get(e));
      double lossUnfused = unfused.accumulateGradient(xs.get(e), ts.get(e));
      if (s == 0) {
        JsonNode gradients = root.get("first_step_gradients");
        for (int p = 0; p < withParameters.size(); p++) {
          int l = withParameters.get(p);
          check.values(
              "first step dW" + l,
              flat(gradients.get(p).get("W")),
              unfused.weightGradient(l).toArray());
          check.values(
              "first step db" + l,
              flat(gradients.get(p).get("b")),
              unfused.biasGradient(l).toArray());
        }
      }
      unfused.applyGradient(1.0);
      double[] expectedLoss = {step.get("loss").asDouble()};
      check.values("step " + (s + 1) + " loss (fused)", expectedLoss, new double[] {lossFused});
      check.values("step " + (s + 1) + " loss", expectedLoss, new double[] {lossUnfused});
      JsonNode after = step.get("params_after");
      for (int p = 0; p < withParameters.size(); p++) {
        int l = withParameters.get(p);
        for (CompiledNetwork net : List.of(fused, unfused)) {
          String how = net == fused ? " (fused)" : "";
          check.values(
              "after step " + (s + 1) + " W" + l + how,
              flat(after.get(p).get("W")),
              net.weights(l).toArray());
          check.values(
              "after step " + (s + 1) + " b" + l + how,
              flat(after.get(p).get("b")),
              net.bias(l).toArray());
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(
          network
              + ": "
              + failures.size()
              + " of "
              + compared[0]
              + " values differ:\n"
              + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }
    assertThat(compared[0]).isGreaterThan(100);
  }

  private interface Check {
    void values(String what, double[] expected, double[] actual);
  }

  /** The numbers of a nested JSON array, in order (row-major; HWC for tensors). */
  static double[] flat(JsonNode node) {
    List<Double> values = new ArrayList<>();
    collect(node, values);
    double[] array = new double[values.size()];
    for (int k = 0; k < array.length; k++) {
      array[k] = values.get(k);
    }
    return array;
  }

  private static void collect(JsonNode node, List<Double> values) {
    if (node.isArray()) {
      for (JsonNode child : node) {
        collect(child, values);
      }
    } else {
      values.add(node.asDouble());
    }
  }
}
