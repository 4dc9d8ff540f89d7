package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.netc.runtime.network.CompiledNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated classes with declared activations against PyTorch ({@code torch/torch_declared.py} in
 * the test resources made the reference files): the erf helper against {@code torch.erf}, and a
 * network of gelu, gelu_exact and mish layers trained three steps with sgd and with adam.
 */
class TorchDeclaredTest {

  static String resource(String name) {
    try (InputStream in = TorchDeclaredTest.class.getResourceAsStream("/torch/" + name)) {
      assertWithMessage("resource torch/%s", name).that(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a CSV file of the resources, without its header. */
  static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    String[] lines = resource(name).split("\n");
    for (int k = 1; k < lines.length; k++) {
      rows.add(lines[k].split(","));
    }
    return rows;
  }

  @Test
  void erfHelperIsWithinAFewUlpsOfTorch() {
    CompiledNetwork probe =
        Compiled.of(
                DeclaredActivationTest.networks(
                    "erf",
                    """
                    activation e(x) = erf(x);
                    network ErfProbe {
                      input 1;
                      dense 1 e { weights = [[1]]; bias = [0]; }
                      loss squared_error;
                    }
                    """))
            .create("ErfProbe");
    double worstBelow2 = 0;
    double worstAbove2 = 0;
    List<String[]> rows = rows("erf_reference.csv");
    assertThat(rows.size()).isGreaterThan(2800);
    for (String[] row : rows) {
      double x = Double.parseDouble(row[0]);
      double expected = Double.parseDouble(row[1]);
      double actual = probe.predict(new double[] {x})[0];
      double ulps = Math.abs(actual - expected) / Math.ulp(expected);
      assertWithMessage("erf(%s) = %s, torch %s", x, actual, expected).that(ulps).isAtMost(16.0);
      if (Math.abs(x) < 2) {
        worstBelow2 = Math.max(worstBelow2, ulps);
      } else {
        worstAbove2 = Math.max(worstAbove2, ulps);
      }
    }
    // the accuracy docs/language.md states: 12 units in the last place below |x| = 2, 2 above
    assertThat(worstBelow2).isAtMost(12.0);
    assertThat(worstAbove2).isAtMost(2.0);
  }

  @Test
  void geluMishNetworkTrainsAsInTorch() {
    Compiled compiled =
        Compiled.of(DeclaredActivationTest.networks("gelu_mish", resource("gelu_mish.nn")));
    double[][] inputs = {{0.5, -1.2, 2.0}, {-0.3, 0.8, -1.5}, {1.7, 0.1, -0.4}};
    double[][] targets = {{0.3, -0.6}, {-1.0, 0.4}, {0.8, 0.9}};
    Map<String, List<String[]>> byOptimizer = new LinkedHashMap<>();
    for (String[] row : rows("gelu_mish_reference.csv")) {
      byOptimizer.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
    }
    assertThat(byOptimizer.keySet()).containsExactly("sgd", "adam");
    for (Map.Entry<String, List<String[]>> entry : byOptimizer.entrySet()) {
      String optimizer = entry.getKey();
      String name =
          "GeluMish" + Character.toUpperCase(optimizer.charAt(0)) + optimizer.substring(1);
      CompiledNetwork net = compiled.create(name);
      double[][] outputs = new double[3][];
      double[] losses = new double[3];
      for (int step = 0; step < 3; step++) {
        outputs[step] = net.predict(inputs[step]);
        losses[step] = net.trainStep(inputs[step], targets[step]);
      }
      int compared = 0;
      for (String[] row : entry.getValue()) {
        int step = Integer.parseInt(row[2]);
        int index = Integer.parseInt(row[3]);
        double expected = Double.parseDouble(row[4]);
        double actual =
            switch (row[1]) {
              case "output" -> outputs[step][index];
              case "loss" -> losses[step];
              default ->
                  net.parameters()
                      .get(Integer.parseInt(row[1].substring("parameter".length())))
                      .get(index);
            };
        assertWithMessage("%s %s step %s [%s]", name, row[1], step, index)
            .that(actual)
            .isWithin(1e-13 * Math.max(1, Math.abs(expected)))
            .of(expected);
        compared++;
      }
      assertThat(compared).isEqualTo(3 * 2 + 3 + (12 + 4) + (16 + 4) + (12 + 3) + (6 + 2));
    }
  }
}
