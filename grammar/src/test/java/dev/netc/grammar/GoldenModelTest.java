package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code dsl} and {@code dsl_init_constant} text of the worked examples
 * (testdata/golden/*.json) parses into the network its JSON describes, field by field.
 */
class GoldenModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path golden() {
    return Path.of(System.getProperty("netc.testdata", "../testdata"), "golden");
  }

  static Stream<Arguments> examples() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(golden())) {
      List<Path> seeds =
          files.filter(f -> f.getFileName().toString().startsWith("seed_")).sorted().toList();
      for (Path file : seeds) {
        JsonNode root = JSON.readTree(file.toFile());
        for (String key : List.of("dsl", "dsl_init_constant")) {
          if (root.hasNonNull(key)) {
            cases.add(Arguments.of(file.getFileName() + " " + key, key, root));
          }
        }
      }
    }
    return cases.stream();
  }

  @Test
  void everyExampleWithADslIsCovered() throws IOException {
    assertTrue(examples().count() >= 11, "6 dsl and 5 dsl_init_constant texts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void parsesIntoTheDescribedNetwork(String name, String key, JsonNode root) {
    Network net = Check.network(root.get(key).asText());
    JsonNode network = root.get("network");
    boolean explicit = key.equals("dsl");

    assertEquals(network.get("input").asInt(), net.inputSize(), name + ": input");
    assertEquals(network.get("loss").asText(), net.loss().dslName(), name + ": loss");
    assertEquals(Precision.DOUBLE, net.precision(), name + ": precision");
    assertEquals(Optional.empty(), net.regularizer(), name + ": regularize");
    assertTrue(root.get("regularize").isNull(), name + ": no example regularizes");
    assertEquals(Optional.empty(), net.clip(), name + ": clip");

    JsonNode layers = network.get("layers");
    assertEquals(layers.size(), net.layers().size(), name + ": layer count");
    int inputs = net.inputSize();
    for (int l = 0; l < layers.size(); l++) {
      JsonNode expected = layers.get(l);
      DenseLayer layer = net.layers().get(l);
      String where = name + ": layer " + (l + 1);
      assertEquals(l + 1, layer.number(), where);
      assertEquals("layer" + (l + 1), layer.name(), where);
      assertEquals(expected.get("units").asInt(), layer.units(), where + " units");
      assertEquals(inputs, layer.inputs(), where + " inputs");
      assertEquals(expected.get("activation").asText(), layer.activation().dslName(), where);
      JsonNode w = expected.get("W");
      JsonNode b = expected.get("b");
      if (explicit) {
        assertTrue(layer.weights().isPresent() && layer.bias().isPresent(), where);
        for (int i = 0; i < layer.units(); i++) {
          for (int j = 0; j < inputs; j++) {
            assertEquals(
                w.get(i).get(j).asDouble(),
                layer.weights().get().get(i, j),
                where + " W[" + i + "][" + j + "]");
          }
          assertEquals(b.get(i).asDouble(), layer.bias().get().get(i), where + " b[" + i + "]");
        }
      } else {
        assertFalse(layer.weights().isPresent() || layer.bias().isPresent(), where);
        Init.Constant init = (Init.Constant) net.init();
        for (int i = 0; i < layer.units(); i++) {
          for (int j = 0; j < inputs; j++) {
            assertEquals(
                w.get(i).get(j).asDouble(), init.weights(), where + " W[" + i + "][" + j + "]");
          }
          assertEquals(b.get(i).asDouble(), init.bias(), where + " b[" + i + "]");
        }
      }
      inputs = layer.units();
    }

    JsonNode optimizer = root.get("optimizer");
    assertEquals("sgd", optimizer.get("name").asText(), name);
    Optimizer.Sgd sgd = (Optimizer.Sgd) net.optimizer();
    assertEquals(optimizer.get("rate").asDouble(), sgd.rate(), name + ": rate");
    assertEquals(optimizer.path("momentum").asDouble(0), sgd.momentum(), name + ": momentum");
    assertFalse(sgd.nesterov(), name + ": nesterov");
    if (explicit) {
      assertEquals(Init.DEFAULT, net.init(), name + ": init");
    }
  }
}
