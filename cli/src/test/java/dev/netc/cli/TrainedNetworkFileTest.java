package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.weights.WeightFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code train --out-nn}: the written file keeps the source's text and, compiled, predicts bit for
 * bit what the trained network predicts with its weight file; {@code predict} and {@code eval}
 * without {@code --weights} use the parameters written in it.
 */
class TrainedNetworkFileTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"double", "float"})
  void outNnPredictsBitIdenticallyToTheWeightFile(String precision) throws IOException {
    Path source = dir.resolve("iris.nn");
    Files.writeString(
        source,
        Files.readString(CommandsTest.IRIS_NN)
            .replace("    optimizer", "    precision " + precision + ";\n    optimizer"));
    Path weights = dir.resolve("iris.json");
    Path trained = dir.resolve("out/trained.nn");
    Cli.Run train =
        Cli.run(
            "train",
            source,
            "--data",
            CommandsTest.IRIS_CSV,
            "--epochs",
            "20",
            "--seed",
            "3",
            "--out",
            weights,
            "--out-nn",
            trained);
    assertEquals(0, train.exitCode(), train::toString);
    assertTrue(train.out().contains("wrote the trained network to " + trained), train::toString);

    String text = Files.readString(trained);
    assertTrue(text.startsWith("// The Iris network of the README"), text);
    assertTrue(
        text.contains("    dense 8 tanh as hidden {\n        weights = [\n            ["), text);
    assertTrue(
        text.contains(
            "    init xavier(seed = 7);\n    precision "
                + precision
                + ";\n    optimizer sgd(rate = 0.05, momentum = 0.9);\n}"),
        text);

    PrintWriter err = new PrintWriter(new StringWriter());
    CompiledNetwork fromFile = LoadedNetwork.load(trained, Optional.empty(), err).newInstance();
    CompiledNetwork withWeights = LoadedNetwork.load(source, Optional.empty(), err).newInstance();
    WeightFile.read(weights).applyTo(withWeights, weights.toString());
    assertEquals(withWeights.spec().fingerprint(), fromFile.spec().fingerprint());
    Dataset rows = new CsvLoader().load(CommandsTest.IRIS_CSV);
    for (int i = 0; i < rows.size(); i++) {
      double[] a = fromFile.predict(rows.features(i));
      double[] b = withWeights.predict(rows.features(i));
      for (int k = 0; k < a.length; k++) {
        assertEquals(
            Double.doubleToRawLongBits(b[k]),
            Double.doubleToRawLongBits(a[k]),
            "row " + (i + 1) + ", output " + k);
      }
    }

    Cli.Run predictNn = Cli.run("predict", trained, "--data", CommandsTest.IRIS_CSV);
    Cli.Run predictJson =
        Cli.run("predict", source, "--weights", weights, "--data", CommandsTest.IRIS_CSV);
    assertEquals(0, predictNn.exitCode(), predictNn::toString);
    assertEquals(predictJson.out(), predictNn.out());
    assertTrue(predictNn.out().startsWith("row,class,p_0,p_1,p_2\n1,0,"), predictNn::toString);

    Cli.Run evalNn = Cli.run("eval", trained, "--data", CommandsTest.IRIS_CSV);
    Cli.Run evalJson =
        Cli.run("eval", source, "--weights", weights, "--data", CommandsTest.IRIS_CSV);
    assertEquals(0, evalNn.exitCode(), evalNn::toString);
    assertEquals(evalJson.out(), evalNn.out());
    assertTrue(evalNn.out().contains("accuracy"), evalNn::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"predict", "eval"})
  void withoutWeightsTheInitOfTheFileIsUsed(String command) {
    Cli.Run run = Cli.run(command, CommandsTest.IRIS_NN, "--data", CommandsTest.IRIS_CSV);
    assertEquals(0, run.exitCode(), run::toString);
    CompiledNetwork net =
        LoadedNetwork.load(
                CommandsTest.IRIS_NN, Optional.empty(), new PrintWriter(new StringWriter()))
            .newInstance();
    Dataset rows = new CsvLoader().load(CommandsTest.IRIS_CSV);
    if (command.equals("predict")) {
      double[] p = net.predict(rows.features(0));
      String first = run.out().lines().skip(1).findFirst().orElseThrow();
      assertEquals(
          String.format(
              java.util.Locale.ROOT,
              "1,%d,%.6f,%.6f,%.6f",
              net.classify(rows.features(0)),
              p[0],
              p[1],
              p[2]),
          first);
    } else {
      assertTrue(
          run.out().startsWith("IrisNet on " + CommandsTest.IRIS_CSV + " (150 examples):"),
          run::toString);
    }
  }
}
