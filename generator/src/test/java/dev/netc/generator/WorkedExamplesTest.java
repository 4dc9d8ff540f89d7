package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Loss;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.source.SourceFile;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of testdata/golden (the reference notes' exercises, recomputed in float64 and
 * checked twice) reproduced within 1e-12 + 1e-9 |expected| for every recorded value: forward z and
 * x per layer, losses, deltas, per-example and step gradients, parameters after each step, final
 * parameters, re-evaluated training examples, queries' outputs and classes.
 *
 * <p>Each case's {@code dsl} is compiled through {@link NetcCompiler#compile}; a batch step is
 * {@code accumulateGradient} over the step's examples (each in a {@code copy()}, added with {@code
 * addGradientFrom}) then {@code applyGradient(1.0)}; a stochastic step is also replayed with the
 * fused {@code trainStep}. Mazur's "published_biases_frozen" variant cannot be written in the
 * language (biases held fixed): its forward pass, deltas, gradients and updated weights are checked
 * on the network built from the JSON; its biases and everything after the step are not.
 */
class WorkedExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> CASES = new ArrayList<>();
  private static Compiled compiled;

  @BeforeAll
  static void compileAll() throws IOException {
    Path dir = Path.of(System.getProperty("netc.testdata"), "golden");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("seed_")).sorted().toList()) {
        CASES.add(JSON.readTree(file.toFile()));
      }
    }
    assertThat(CASES).hasSize(7);
    List<GeneratedClass> classes = new ArrayList<>();
    for (JsonNode c : CASES) {
      if (c.get("dsl").isNull()) {
        classes.add(NetcCompiler.generate(fromJson(c), ""));
        continue;
      }
      classes.addAll(compileDsl(c, "dsl", ""));
      if (c.has("dsl_init_constant") && !c.get("dsl_init_constant").isNull()) {
        classes.addAll(compileDsl(c, "dsl_init_constant", "Constant"));
      }
    }
    compiled = Compiled.ofClasses(classes);
  }

  private static List<GeneratedClass> compileDsl(JsonNode c, String field, String suffix) {
    String dsl = c.get(field).asText();
    String name = networkName(dsl);
    dsl = dsl.replace("network " + name + " ", "network " + name + suffix + " ");
    CompileResult result =
        NetcCompiler.compile(
            List.of(
                new CompileInput(
                    new SourceFile(c.get("id").asText() + ".nn", dsl), Optional.of("golden"))));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.classes()).hasSize(1);
    return result.classes();
  }

  private static String networkName(String dsl) {
    int start = dsl.indexOf("network ") + "network ".length();
    return dsl.substring(start, dsl.indexOf(' ', start));
  }

  /** The case's network built in code (for the variant the language cannot write). */
  private static dev.netc.grammar.model.Network fromJson(JsonNode c) {
    JsonNode net = c.get("network");
    Nets nets =
        Nets.network("Mazur" + "Frozen", net.get("input").asInt())
            .inPackage("golden")
            .optimizer(new Optimizer.Sgd(c.get("optimizer").get("rate").asDouble(), 0, false))
            .loss(Loss.valueOf(net.get("loss").asText().toUpperCase(Locale.ROOT)))
            .init(Init.DEFAULT);
    for (JsonNode layer : net.get("layers")) {
      nets.dense(
          Activation.valueOf(layer.get("activation").asText().toUpperCase(Locale.ROOT)),
          matrix(layer.get("W")),
          vector(layer.get("b")));
    }
    return nets.build();
  }

  @Test
  void everyRecordedValueOfEveryWorkedExampleIsReproduced() {
    List<String> failures = new ArrayList<>();
    int[] compared = new int[1];
    for (JsonNode c : CASES) {
      Checker check = new Checker(c.get("id").asText(), failures, compared);
      replay(c, check);
    }
    if (!failures.isEmpty()) {
      fail(
          failures.size()
              + " of "
              + compared[0]
              + " values differ (expected | actual | diff):\n"
              + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }
    assertThat(compared[0]).isGreaterThan(500);
  }

  @Test
  void initConstantGivesTheSameInitialParametersAsExplicitWeights() {
    for (JsonNode c : CASES) {
      if (!c.has("dsl_init_constant") || c.get("dsl_init_constant").isNull()) {
        continue;
      }
      String name = networkName(c.get("dsl").asText());
      CompiledNetwork explicit = compiled.create(name);
      CompiledNetwork constant = compiled.create(name + "Constant");
      for (int p = 0; p < explicit.parameters().size(); p++) {
        assertThat(constant.parameters().get(p).toArray())
            .isEqualTo(explicit.parameters().get(p).toArray());
      }
    }
  }

  private void replay(JsonNode c, Checker check) {
    boolean frozen = c.get("dsl").isNull();
    String name = frozen ? "MazurFrozen" : networkName(c.get("dsl").asText());
    CompiledNetwork net = compiled.create(name);
    CompiledNetwork fused = compiled.create(name);
    JsonNode layers = c.get("network").get("layers");
    for (int l = 0; l < layers.size(); l++) {
      check.values(
          "initial W" + (l + 1), flat(layers.get(l).get("W")), net.weights(l + 1).toArray());
      check.values(
          "initial b" + (l + 1), vector(layers.get(l).get("b")), net.bias(l + 1).toArray());
    }
    int batchSize = c.get("training").get("batch_size").asInt();
    double scale = c.get("training").get("reduction").asText().equals("mean") ? 1.0 / batchSize : 1;
    for (JsonNode step : c.get("steps")) {
      String at = "step " + step.get("step").asInt();
      for (JsonNode example : step.get("examples")) {
        String ex = at + " example " + example.get("index").asInt();
        double[] x = vector(example.get("x"));
        double[] t = vector(example.get("t"));
        CompiledNetwork one = net.copy();
        one.clearGradient();
        check.value(ex + " argmax", example.get("argmax").asInt(), one.classify(x));
        double loss = one.accumulateGradient(x, t);
        check.value(ex + " loss", example.get("loss").asDouble(), loss);
        check.values(ex + " output", vector(example.get("output")), one.predict(x));
        one.accumulateGradient(x, t);
        for (JsonNode layer : example.get("layers")) {
          int l = layer.get("layer").asInt();
          check.values(ex + " z" + l, vector(layer.get("z")), Compiled.field(one, "z" + l));
          check.values(ex + " x" + l, vector(layer.get("x")), Compiled.field(one, "x" + l));
          check.values(
              ex + " delta" + l, vector(layer.get("delta")), Compiled.field(one, "delta" + l));
          // accumulated twice above: the per-example gradient is half of the accumulator
          check.values(ex + " dW" + l, flat(layer.get("grad_W")), half(one.weightGradient(l)));
          check.values(ex + " db" + l, vector(layer.get("grad_b")), half(one.biasGradient(l)));
        }
        one.clearGradient();
        one.accumulateGradient(x, t);
        net.addGradientFrom(one);
        if (batchSize == 1 && !frozen) {
          fused.trainStep(x, t);
        }
      }
      for (int l = 0; l < layers.size(); l++) {
        check.values(
            at + " step dW" + (l + 1),
            flat(step.get("grad_W").get(l)),
            net.weightGradient(l + 1).toArray());
        check.values(
            at + " step db" + (l + 1),
            vector(step.get("grad_b").get(l)),
            net.biasGradient(l + 1).toArray());
      }
      net.applyGradient(scale);
      JsonNode after = step.get("params_after");
      for (int l = 0; l < layers.size(); l++) {
        check.values(
            at + " W" + (l + 1) + " after",
            flat(after.get("W").get(l)),
            net.weights(l + 1).toArray());
        if (!frozen) {
          check.values(
              at + " b" + (l + 1) + " after",
              vector(after.get("b").get(l)),
              net.bias(l + 1).toArray());
        }
        if (batchSize == 1 && !frozen) {
          check.values(
              at + " W" + (l + 1) + " after fused trainStep",
              flat(after.get("W").get(l)),
              fused.weights(l + 1).toArray());
          check.values(
              at + " b" + (l + 1) + " after fused trainStep",
              vector(after.get("b").get(l)),
              fused.bias(l + 1).toArray());
        }
      }
      if (step.has("optimizer_state_after") && !step.get("optimizer_state_after").isNull()) {
        JsonNode state = step.get("optimizer_state_after");
        for (int l = 0; l < layers.size(); l++) {
          check.values(
              at + " velocity W" + (l + 1),
              flat(state.get("velocity_W").get(l)),
              net.optimizerState().get(2 * l).toArray());
          check.values(
              at + " velocity b" + (l + 1),
              vector(state.get("velocity_b").get(l)),
              net.optimizerState().get(2 * l + 1).toArray());
        }
      }
    }
    if (frozen) {
      return;
    }
    JsonNode last = c.get("final_params");
    for (int l = 0; l < layers.size(); l++) {
      check.values("final W" + (l + 1), flat(last.get("W").get(l)), net.weights(l + 1).toArray());
      check.values("final b" + (l + 1), vector(last.get("b").get(l)), net.bias(l + 1).toArray());
    }
    JsonNode train = c.get("train");
    double sum = 0;
    for (JsonNode example : c.get("after_training").get("examples")) {
      int index = example.get("index").asInt();
      double[] x = vector(train.get(index).get("x"));
      double[] t = vector(train.get(index).get("t"));
      String ex = "after training, example " + index;
      check.values(ex + " output", vector(example.get("output")), net.predict(x));
      double loss = net.loss(x, t);
      sum += loss;
      check.value(ex + " loss", example.get("loss").asDouble(), loss);
      check.value(ex + " argmax", example.get("argmax").asInt(), net.classify(x));
    }
    check.value(
        "after training, loss sum", c.get("after_training").get("train_loss_sum").asDouble(), sum);
    int q = 0;
    for (JsonNode query : c.get("queries")) {
      String at = "query " + q++;
      double[] x = vector(query.get("x"));
      check.values(at + " output", vector(query.get("output")), net.predict(x));
      for (JsonNode layer : query.get("layers")) {
        int l = layer.get("layer").asInt();
        check.values(at + " z" + l, vector(layer.get("z")), Compiled.field(net, "z" + l));
        check.values(at + " x" + l, vector(layer.get("x")), Compiled.field(net, "x" + l));
      }
      check.value(at + " argmax", query.get("argmax").asInt(), net.classify(x));
      if (query.has("t") && !query.get("t").isNull()) {
        check.value(
            at + " loss", query.get("loss").asDouble(), net.loss(x, vector(query.get("t"))));
      }
    }
  }

  private static double[] half(ParameterTensor tensor) {
    double[] values = tensor.toArray();
    for (int k = 0; k < values.length; k++) {
      values[k] /= 2;
    }
    return values;
  }

  static double[] vector(JsonNode node) {
    double[] values = new double[node.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = node.get(k).asDouble();
    }
    return values;
  }

  static double[] flat(JsonNode rows) {
    List<Double> values = new ArrayList<>();
    for (JsonNode row : rows) {
      for (JsonNode v : row) {
        values.add(v.asDouble());
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[][] matrix(JsonNode rows) {
    double[][] values = new double[rows.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = vector(rows.get(i));
    }
    return values;
  }

  /** Compares within 1e-12 + 1e-9 |expected| and records failures side by side. */
  private record Checker(String id, List<String> failures, int[] compared) {
    void value(String what, double expected, double actual) {
      compared[0]++;
      double diff = Math.abs(actual - expected);
      if (!(diff <= 1e-12 + 1e-9 * Math.abs(expected))) {
        failures.add(
            String.format(
                Locale.ROOT, "%s %s: %.17g | %.17g | %.3g", id, what, expected, actual, diff));
      }
    }

    void values(String what, double[] expected, double[] actual) {
      if (expected.length != actual.length) {
        failures.add(
            id + " " + what + ": " + expected.length + " values expected, got " + actual.length);
        return;
      }
      for (int k = 0; k < expected.length; k++) {
        value(what + "[" + k + "]", expected[k], actual[k]);
      }
    }
  }
}
