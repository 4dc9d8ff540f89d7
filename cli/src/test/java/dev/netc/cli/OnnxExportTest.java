package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.weights.WeightFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code netc export}: ONNX Runtime, an independent evaluator, computes the network's outputs from
 * the exported model (within 1e-6 for float, 1e-12 for double, relative to max(|output|, 1)), and
 * {@code import} of the exported model gives back the same network, bit for bit.
 */
class OnnxExportTest {

  /** Every activation of the language, one layer each. */
  private static final String EVERY_ACTIVATION =
      """
      // every activation, for the export tests
      network Every {
          input 3;
          dense 5 leaky_relu(0.2) as leaky;
          dense 5 elu(0.5);
          dense 5 softplus;
          dense 4 sigmoid;
          dense 4 relu;
          dense 4 tanh;
          dense 3 linear;
          dense 3 softmax as head;
          loss cross_entropy;
          init xavier(seed = 5);
          PRECISION
      }
      """;

  /**
   * Activations ONNX Runtime 1.20's CPU provider evaluates in float64 (it has no float64 LeakyRelu:
   * "Could not find an implementation for LeakyRelu(6)"), for the double export test.
   */
  private static final String DOUBLE_KERNELS =
      """
      network Every {
          input 3;
          dense 5 relu;
          dense 5 sigmoid;
          dense 4 tanh;
          dense 3 linear;
          dense 3 softmax as head;
          loss cross_entropy;
          init he(seed = 5);
          PRECISION
      }
      """;

  @TempDir Path dir;

  private static CompiledNetwork load(Path nn) {
    return LoadedNetwork.load(nn, Optional.empty(), new PrintWriter(new StringWriter()))
        .newInstance();
  }

  private static double[][] inputs(int rows, int columns, boolean asFloat) {
    Random random = new Random(42);
    double[][] x = new double[rows][columns];
    for (double[] row : x) {
      for (int j = 0; j < columns; j++) {
        row[j] = asFloat ? (float) (random.nextGaussian() * 2) : random.nextGaussian() * 2;
      }
    }
    return x;
  }

  /** ONNX Runtime's outputs for {@code x}, and the model's custom metadata. */
  private static double[][] onnxRuntime(
      Path model, double[][] x, boolean asFloat, Map<String, String> metadata) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session =
        env.createSession(model.toString(), new OrtSession.SessionOptions())) {
      metadata.putAll(session.getMetadata().getCustomMetadata());
      Object input;
      if (asFloat) {
        float[][] f = new float[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
          for (int j = 0; j < x[i].length; j++) {
            f[i][j] = (float) x[i][j];
          }
        }
        input = f;
      } else {
        input = x;
      }
      try (OnnxTensor tensor = OnnxTensor.createTensor(env, input);
          OrtSession.Result result = session.run(Map.of("input", tensor))) {
        Object value = result.get(0).getValue();
        if (value instanceof double[][] d) {
          return d;
        }
        float[][] f = (float[][]) value;
        double[][] y = new double[f.length][f[0].length];
        for (int i = 0; i < f.length; i++) {
          for (int k = 0; k < f[i].length; k++) {
            y[i][k] = f[i][k];
          }
        }
        return y;
      }
    }
  }

  private static double maxError(CompiledNetwork net, double[][] x, double[][] reference) {
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      double[] y = net.predict(x[i]);
      assertEquals(reference[i].length, y.length);
      for (int k = 0; k < y.length; k++) {
        worst =
            Math.max(
                worst, Math.abs(y[k] - reference[i][k]) / Math.max(Math.abs(reference[i][k]), 1));
      }
    }
    return worst;
  }

  @Test
  void aDeclaredActivationIsAnInputErrorThatNamesTheLayer() {
    Path onnx = dir.resolve("declared.onnx");
    Cli.Run run = Cli.run("export", Cli.resource("declared_layers.nn"), "--out", onnx);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: cannot export Layers to ONNX: layer 'layer1' (line 7) uses 'swish', an activation"
            + " declared in the language, and ONNX export writes only the built-in activations"
            + " as nodes: use one of sigmoid, tanh, relu, leaky_relu, elu, softplus, linear,"
            + " softmax there to export"
            + System.lineSeparator(),
        run.err());
    assertTrue(Files.notExists(onnx));
  }

  @ParameterizedTest
  @ValueSource(strings = {"double", "float"})
  void onnxRuntimeComputesWhatPredictComputes(String precision) throws Exception {
    boolean asFloat = precision.equals("float");
    Path nn = dir.resolve("every.nn");
    Files.writeString(
        nn,
        (asFloat ? EVERY_ACTIVATION : DOUBLE_KERNELS)
            .replace("PRECISION", "precision " + precision + ";"));
    Path onnx = dir.resolve("every.onnx");
    Cli.Run run = Cli.run("export", nn, "--out", onnx);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        "exported Every ("
            + (asFloat
                ? "3 -> 5 leaky_relu -> 5 elu -> 5 softplus ->"
                    + " 4 sigmoid -> 4 relu -> 4 tanh -> 3 linear -> 3 softmax"
                : "3 -> 5 relu -> 5 sigmoid" + " -> 4 tanh -> 3 linear -> 3 softmax")
            + ", "
            + precision
            + ", opset 13) to "
            + onnx
            + "\n",
        run.out());
    CompiledNetwork net = load(nn);
    double[][] x = inputs(200, 3, asFloat);
    Map<String, String> metadata = new java.util.HashMap<>();
    double error = maxError(net, x, onnxRuntime(onnx, x, asFloat, metadata));
    System.out.printf(
        Locale.ROOT,
        "export, %s: max |netc - onnxruntime| /" + " max(|onnxruntime|, 1) = %.3g over 200 rows%n",
        precision,
        error);
    assertTrue(error <= (asFloat ? 1e-6 : 1e-12), "max error " + error);
    assertEquals(net.spec().fingerprint(), metadata.get("netc.fingerprint"));
    assertEquals("Every", metadata.get("netc.network"));
    assertEquals("cross_entropy", metadata.get("netc.loss"));
  }

  @Test
  void trainedWeightsAreExportedAndImportedBack() throws Exception {
    Path weights = dir.resolve("iris.json");
    Cli.Run train =
        Cli.run(
            "train",
            CommandsTest.IRIS_NN,
            "--data",
            CommandsTest.IRIS_CSV,
            "--epochs",
            "10",
            "--out",
            weights);
    assertEquals(0, train.exitCode(), train::toString);
    Path onnx = dir.resolve("iris.onnx");
    Cli.Run export = Cli.run("export", CommandsTest.IRIS_NN, "--weights", weights, "--out", onnx);
    assertEquals(0, export.exitCode(), export::toString);

    CompiledNetwork trained = load(CommandsTest.IRIS_NN);
    WeightFile.read(weights).applyTo(trained, weights.toString());
    double[][] x = inputs(150, 4, false);
    double error = maxError(trained, x, onnxRuntime(onnx, x, false, new java.util.HashMap<>()));
    System.out.printf(Locale.ROOT, "export trained IrisNet: max error %.3g%n", error);
    assertTrue(error <= 1e-12, "max error " + error);

    Path back = dir.resolve("back.nn");
    Cli.Run imported = Cli.run("import", onnx, "--out", back, "--package", "com.example.back");
    assertEquals(0, imported.exitCode(), imported::toString);
    assertEquals(
        "imported IrisNet (4 -> 8 tanh -> 3 softmax, loss cross_entropy, double) from "
            + onnx
            + " to "
            + back
            + "\n",
        imported.out());
    String text = Files.readString(back);
    assertTrue(
        text.contains(
            "package com.example.back;\n\nnetwork IrisNet {\n    input 4;\n"
                + "    dense 8 tanh as hidden {\n"),
        text);
    assertBitIdentical(trained, load(back), x);
  }

  @ParameterizedTest
  @ValueSource(strings = {"double", "float"})
  void importOfExportGivesTheSameNetwork(String precision) throws IOException {
    Path nn = dir.resolve("every.nn");
    Files.writeString(nn, EVERY_ACTIVATION.replace("PRECISION", "precision " + precision + ";"));
    Path onnx = dir.resolve("every.onnx");
    assertEquals(0, Cli.run("export", nn, "--out", onnx).exitCode());
    Path back = dir.resolve("back.nn");
    Cli.Run run = Cli.run("import", onnx, "--out", back);
    assertEquals(0, run.exitCode(), run::toString);
    CompiledNetwork original = load(nn);
    CompiledNetwork imported = load(back);
    assertEquals(original.spec().fingerprint(), imported.spec().fingerprint());
    assertEquals(original.spec().layers(), imported.spec().layers());
    assertBitIdentical(original, imported, inputs(100, 3, precision.equals("float")));
  }

  private static void assertBitIdentical(CompiledNetwork a, CompiledNetwork b, double[][] x) {
    for (int i = 0; i < x.length; i++) {
      double[] ya = a.predict(x[i]);
      double[] yb = b.predict(x[i]);
      for (int k = 0; k < ya.length; k++) {
        assertEquals(
            Double.doubleToRawLongBits(ya[k]),
            Double.doubleToRawLongBits(yb[k]),
            "row " + i + ", output " + k);
      }
    }
  }
}
