package dev.netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.testing.ReferenceMlp;
import dev.netc.runtime.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of {@code testdata/golden} (stochastic and full-batch steps) run through the
 * {@link Trainer} on the reference network reproduce their parameters and losses.
 */
class WorkedExamplesTest {

  static Stream<Path> examples() throws IOException {
    return Files.list(TestData.testdata().resolve("golden"))
        .filter(p -> p.getFileName().toString().startsWith("seed_"))
        .sorted();
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).doubleValue();
    }
    return values;
  }

  @ParameterizedTest
  @MethodSource("examples")
  void trainerReproducesTheWorkedExample(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    JsonNode training = root.path("training");
    if (!training.path("update_biases").asBoolean()) {
      return; // frozen biases are not a trainer setting (the .nn file's business)
    }
    JsonNode layers = root.path("network").path("layers");
    int[] units = new int[layers.size()];
    String[] activations = new String[layers.size()];
    for (int l = 0; l < units.length; l++) {
      units[l] = layers.get(l).path("units").intValue();
      activations[l] = layers.get(l).path("activation").textValue();
    }
    ReferenceMlp net =
        new ReferenceMlp(
            root.path("id").textValue(),
            root.path("network").path("input").intValue(),
            units,
            activations,
            root.path("network").path("loss").textValue(),
            0,
            root.path("optimizer").path("rate").doubleValue(),
            root.path("optimizer").path("momentum").doubleValue());
    for (int l = 0; l < units.length; l++) {
      JsonNode w = layers.get(l).path("W");
      for (int i = 0; i < w.size(); i++) {
        for (int j = 0; j < w.get(i).size(); j++) {
          net.weights(l + 1).set(i, j, w.get(i).get(j).doubleValue());
        }
      }
      net.bias(l + 1).setAll(doubles(layers.get(l).path("b")));
    }
    JsonNode train = root.path("train");
    double[][] x = new double[train.size()][];
    double[][] t = new double[train.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = doubles(train.get(i).path("x"));
      t[i] = doubles(train.get(i).path("t"));
    }
    assertEquals("sum", training.path("reduction").textValue());
    TrainingResult result =
        new Trainer()
            .epochs(training.path("epochs").intValue())
            .batchSize(training.path("batch_size").intValue())
            .train(net, Dataset.of(x, t));

    String name = file.getFileName().toString();
    JsonNode expected = root.path("final_params");
    for (int l = 0; l < units.length; l++) {
      JsonNode w = expected.path("W").get(l);
      for (int i = 0; i < w.size(); i++) {
        for (int j = 0; j < w.get(i).size(); j++) {
          close(
              w.get(i).get(j).doubleValue(),
              net.weights(l + 1).get(i, j),
              name + " W" + (l + 1) + "[" + i + "][" + j + "]");
        }
      }
      double[] b = doubles(expected.path("b").get(l));
      for (int i = 0; i < b.length; i++) {
        close(b[i], net.bias(l + 1).get(i), name + " b" + (l + 1) + "[" + i + "]");
      }
    }
    double lossSum = 0;
    for (JsonNode step : root.path("steps")) {
      if (step.path("epoch").intValue() == 1) {
        lossSum += step.path("loss").doubleValue();
      }
    }
    close(lossSum / x.length, result.history().get(0).trainingLoss(), name + " epoch 1 loss");
  }

  private static void close(double expected, double actual, String what) {
    assertTrue(
        Math.abs(expected - actual) <= 1e-12 + 1e-9 * Math.abs(expected),
        what + ": expected " + expected + ", actual " + actual);
  }
}
