package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worked examples of the notes from the command line: a CSV of a case's training examples and
 * its {@code .nn} file, {@code netc train --no-shuffle --epochs E --batch B}, and the weight file
 * holds the notes' parameters after training, within {@code 1e-12 + 1e-9 |expected|}.
 */
class GoldenTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<Arguments> cases() throws IOException {
    Path golden = Path.of(System.getProperty("netc.testdata", "../testdata"), "golden");
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(golden)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("seed_")).sorted().toList()) {
        JsonNode root = JSON.readTree(file.toFile());
        String name = file.getFileName().toString().replace(".json", "");
        for (String field : List.of("dsl", "dsl_init_constant")) {
          if (root.path(field).isTextual()) {
            cases.add(Arguments.of(name + " (" + field + ")", root, root.get(field).asText()));
          }
        }
      }
    }
    assertTrue(cases.size() >= 6, "golden cases found in " + golden);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void trainingFromTheCommandLineGivesTheNotesParameters(String name, JsonNode root, String dsl)
      throws IOException {
    Path nn = dir.resolve("case.nn");
    Files.writeString(nn, dsl);
    int inputs = root.path("network").path("input").asInt();
    JsonNode train = root.path("train");
    int outputs = train.get(0).path("t").size();
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (int j = 1; j <= inputs; j++) {
      header.add("x" + j);
    }
    for (int k = 1; k <= outputs; k++) {
      header.add("t" + k);
      targets.add("t" + k);
    }
    csv.append(String.join(",", header)).append('\n');
    for (JsonNode example : train) {
      List<String> row = new ArrayList<>();
      example.path("x").forEach(v -> row.add(Double.toString(v.doubleValue())));
      example.path("t").forEach(v -> row.add(Double.toString(v.doubleValue())));
      csv.append(String.join(",", row)).append('\n');
    }
    Path data = dir.resolve("case.csv");
    Files.writeString(data, csv);
    JsonNode training = root.path("training");
    Path weights = dir.resolve("weights.json");

    Cli.Run run =
        Cli.run(
            "train",
            nn,
            "--data",
            data,
            "--targets",
            String.join(",", targets),
            "--no-shuffle",
            "--epochs",
            training.path("epochs").asInt(),
            "--batch",
            training.path("batch_size").asInt(),
            "--reduction",
            training.path("reduction").asText(),
            "--out",
            weights);
    assertEquals(0, run.exitCode(), run::toString);

    JsonNode layers = JSON.readTree(weights.toFile()).path("layers");
    JsonNode expectedW = root.path("final_params").path("W");
    JsonNode expectedB = root.path("final_params").path("b");
    assertEquals(expectedW.size(), layers.size(), "layers");
    StringBuilder mismatches = new StringBuilder();
    int compared = 0;
    for (int l = 0; l < layers.size(); l++) {
      JsonNode w = layers.get(l).path("weights");
      for (int i = 0; i < expectedW.get(l).size(); i++) {
        for (int j = 0; j < expectedW.get(l).get(i).size(); j++) {
          compared +=
              compare(
                  mismatches,
                  "W" + (l + 1) + "[" + i + "][" + j + "]",
                  expectedW.get(l).get(i).get(j).doubleValue(),
                  w.get(i).get(j).doubleValue());
        }
      }
      JsonNode b = layers.get(l).path("bias");
      for (int i = 0; i < expectedB.get(l).size(); i++) {
        compared +=
            compare(
                mismatches,
                "b" + (l + 1) + "[" + i + "]",
                expectedB.get(l).get(i).doubleValue(),
                b.get(i).doubleValue());
      }
    }
    if (mismatches.length() > 0) {
      fail(name + ": parameters differ from the notes (expected vs actual):\n" + mismatches);
    }
    assertTrue(compared > 0);
  }

  private static int compare(
      StringBuilder mismatches, String what, double expected, double actual) {
    if (!(Math.abs(actual - expected) <= 1e-12 + 1e-9 * Math.abs(expected))) {
      mismatches.append(
          String.format(
              java.util.Locale.ROOT, "  %-12s %.17g  %.17g  NOT OK%n", what, expected, actual));
    }
    return 1;
  }
}
