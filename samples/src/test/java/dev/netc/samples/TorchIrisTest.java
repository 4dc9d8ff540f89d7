package dev.netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.samples.nets.TorchIris;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch-to-Java path through the plugin: {@code src/main/netc/torch_iris.nn} is what {@code
 * netc import} wrote from a network trained in PyTorch ({@code src/test/python/torch_iris.py}), and
 * the class the plugin generated from it computes PyTorch's probabilities for every Iris row.
 */
class TorchIrisTest {

  @Test
  void generatedClassComputesPyTorchsProbabilities() throws IOException, URISyntaxException {
    Path reference = Path.of(TorchIrisTest.class.getResource("/torch_iris_outputs.csv").toURI());
    List<String> lines = Files.readAllLines(reference);
    Dataset iris = new CsvLoader().load(Samples.dataFile("iris.csv"));
    assertEquals(iris.size(), lines.size() - 1);
    CompiledNetwork net = new TorchIris();
    double worst = 0;
    int correct = 0;
    for (int i = 0; i < iris.size(); i++) {
      String[] cells = lines.get(i + 1).split(",");
      double[] p = net.predict(iris.features(i));
      for (int k = 0; k < p.length; k++) {
        double expected = Double.parseDouble(cells[k]);
        worst = Math.max(worst, Math.abs(p[k] - expected) / Math.max(Math.abs(expected), 1));
      }
      correct += net.classify(iris.features(i)) == iris.label(i) ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT, "TorchIris: max |netc - torch| = %.3g, accuracy %d/150%n", worst, correct);
    assertTrue(worst <= 1e-6, "max difference " + worst);
    assertEquals(147, correct, "PyTorch's accuracy, 98%");
  }
}
