package dev.netc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterLayout;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.runtime.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of {@code testdata/golden}: each case's {@code dsl} is a {@code .nn} file in
 * {@code src/main/netc/golden} (and its {@code dsl_init_constant} variant, as network {@code
 * <Name>Constant}); the classes the plugin generated from them, trained by the runtime's {@link
 * Trainer} as the case says (file order, its batch size, one epoch, sum reduction), must give the
 * recorded numbers: initial parameters, the first step's gradient, the updated parameters, the
 * losses, and the query outputs and classes, within {@code 1e-12 + 1e-9 |expected|}.
 */
class GoldenExamplesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NETWORK = Pattern.compile("network\\s+(\\w+)");

  static Path goldenDirectory() {
    return Path.of(System.getProperty("netc.testdata", "../testdata")).resolve("golden");
  }

  /** Every case with a {@code dsl}, once per generated class. */
  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(goldenDirectory())) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("seed_")).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.path("dsl").isTextual()) {
          Matcher m = NETWORK.matcher(root.get("dsl").asText());
          assertTrue(m.find(), file + ": no network in dsl");
          cases.add(Arguments.of(file.getFileName().toString(), m.group(1)));
          if (root.path("dsl_init_constant").isTextual()) {
            cases.add(Arguments.of(file.getFileName().toString(), m.group(1) + "Constant"));
          }
        }
      }
    }
    assertTrue(cases.size() >= 11, "expected the 6 worked examples and 5 init-constant variants");
    return cases.stream();
  }

  private static CompiledNetwork instance(String className) throws ReflectiveOperationException {
    return (CompiledNetwork)
        Class.forName("dev.netc.samples.golden." + className).getConstructor().newInstance();
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  /** Checks W and b of every layer ({@code params.W[l]}, {@code params.b[l]}) against the net. */
  private static void checkParameters(
      Tolerance t, String what, List<ParameterTensor> tensors, JsonNode weights, JsonNode biases) {
    for (int l = 0; l < weights.size(); l++) {
      ParameterTensor w = ParameterLayout.weights(tensors, l + 1);
      ParameterTensor b = ParameterLayout.bias(tensors, l + 1);
      JsonNode rows = weights.get(l);
      for (int i = 0; i < rows.size(); i++) {
        for (int j = 0; j < rows.get(i).size(); j++) {
          t.check(
              what + " W" + (l + 1) + "[" + i + "][" + j + "]",
              w.get(i, j),
              rows.get(i).get(j).asDouble());
        }
      }
      t.check(what + " b" + (l + 1), b.toArray(), biases.get(l));
    }
  }

  @ParameterizedTest(name = "{1} ({0})")
  @MethodSource("cases")
  void generatedClassReproducesTheWorkedExample(String caseFile, String className)
      throws Exception {
    JsonNode c = JSON.readTree(goldenDirectory().resolve(caseFile).toFile());
    Tolerance t = new Tolerance();

    // Initial parameters: explicit weights, or init constant(...), as the case's network.
    CompiledNetwork net = instance(className);
    JsonNode layers = c.at("/network/layers");
    List<JsonNode> initialW = new ArrayList<>();
    List<JsonNode> initialB = new ArrayList<>();
    layers.forEach(
        layer -> {
          initialW.add(layer.get("W"));
          initialB.add(layer.get("b"));
        });
    checkParameters(
        t, "initial", net.parameters(), JSON.valueToTree(initialW), JSON.valueToTree(initialB));

    // The first step's gradient, summed over its batch, from a fresh instance.
    JsonNode train = c.get("train");
    JsonNode step1 = c.at("/steps/0");
    CompiledNetwork probe = instance(className);
    for (JsonNode index : step1.get("batch")) {
      JsonNode example = train.get(index.asInt());
      probe.accumulateGradient(doubles(example.get("x")), doubles(example.get("t")));
    }
    checkParameters(
        t, "step 1 gradient", probe.gradients(), step1.get("grad_W"), step1.get("grad_b"));

    // Training through the runtime, as the case says.
    double[][] x = new double[train.size()][];
    double[][] y = new double[train.size()][];
    for (int i = 0; i < train.size(); i++) {
      x[i] = doubles(train.get(i).get("x"));
      y[i] = doubles(train.get(i).get("t"));
    }
    JsonNode training = c.get("training");
    TrainingResult result =
        new Trainer()
            .epochs(training.get("epochs").asInt())
            .batchSize(training.get("batch_size").asInt())
            .reduction(Reduction.SUM)
            .noShuffle()
            .train(net, Dataset.of(x, y));
    double stepLossSum = 0;
    for (JsonNode step : c.get("steps")) {
      stepLossSum += step.get("loss").asDouble();
    }
    t.check(
        "epoch training loss (mean per example)",
        result.last().trainingLoss(),
        stepLossSum / train.size() / training.get("epochs").asInt());
    JsonNode finalParams = c.get("final_params");
    checkParameters(
        t, "after training", net.parameters(), finalParams.get("W"), finalParams.get("b"));

    // Each training example again, with the final parameters.
    double lossSum = 0;
    for (JsonNode e : c.at("/after_training/examples")) {
      int i = e.get("index").asInt();
      t.check("after training output " + i, net.predict(x[i]), e.get("output"));
      double loss = net.loss(x[i], y[i]);
      t.check("after training loss " + i, loss, e.get("loss").asDouble());
      t.checkInt("after training class " + i, net.classify(x[i]), e.get("argmax").asInt());
      lossSum += loss;
    }
    t.check("after training loss sum", lossSum, c.at("/after_training/train_loss_sum").asDouble());

    // The queries.
    int q = 0;
    for (JsonNode query : c.get("queries")) {
      double[] input = doubles(query.get("x"));
      t.check("query " + q + " output", net.predict(input), query.get("output"));
      t.checkInt("query " + q + " class", net.classify(input), query.get("argmax").asInt());
      if (query.has("t") && query.has("loss")) {
        t.check(
            "query " + q + " loss",
            net.loss(input, doubles(query.get("t"))),
            query.get("loss").asDouble());
      }
      q++;
    }

    assertTrue(
        t.mismatches().isEmpty(),
        className
            + " ("
            + caseFile
            + "): "
            + t.mismatches().size()
            + " of "
            + t.checked()
            + " values differ:\n"
            + String.join("\n", t.mismatches()));
    assertTrue(t.checked() > 20, "too few values checked: " + t.checked());
  }
}
