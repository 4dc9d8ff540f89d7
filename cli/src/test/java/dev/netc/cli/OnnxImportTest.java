package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.network.CompiledNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code netc import} of models exported by PyTorch, and two written with onnx.helper with typed
 * lists and Gemm's alpha and beta ({@code src/test/python/onnx_models.py} made them and their
 * reference outputs): the imported network computes the reference outputs within 1e-6 (float32) or
 * 1e-12 (float64), relative to max(|output|, 1); a model netc cannot read or express is an error of
 * exit code 1 naming what is wrong, and nothing is written.
 */
class OnnxImportTest {

  @TempDir Path dir;

  /** Reference inputs and outputs of one model. */
  record Reference(List<double[]> inputs, List<double[]> outputs) {
    static Reference read(Path csv, int inputs) throws IOException {
      List<String> lines = Files.readAllLines(csv);
      List<double[]> x = new ArrayList<>();
      List<double[]> y = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",");
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
          values[i] = Double.parseDouble(cells[i]);
        }
        x.add(java.util.Arrays.copyOfRange(values, 0, inputs));
        y.add(java.util.Arrays.copyOfRange(values, inputs, values.length));
      }
      return new Reference(x, y);
    }
  }

  /**
   * The largest |netc - reference| / max(|reference|, 1) over every output of every row: relative
   * for outputs of magnitude 1 and more, absolute below (a float32 sum that cancels to nearly 0 has
   * no relative accuracy, in PyTorch or netc).
   */
  static double maxRelativeError(CompiledNetwork net, Reference reference) {
    double worst = 0;
    for (int r = 0; r < reference.inputs().size(); r++) {
      double[] got = net.predict(reference.inputs().get(r));
      double[] want = reference.outputs().get(r);
      assertEquals(want.length, got.length);
      for (int k = 0; k < want.length; k++) {
        double error = Math.abs(got[k] - want[k]) / Math.max(Math.abs(want[k]), 1);
        worst = Math.max(worst, error);
      }
    }
    return worst;
  }

  static CompiledNetwork load(Path nn) {
    return LoadedNetwork.load(nn, Optional.empty(), new PrintWriter(new StringWriter()))
        .newInstance();
  }

  @ParameterizedTest
  @CsvSource({
    "gemm_relu_softmax_f32, 4, 1e-6," + " '4 -> 8 relu -> 3 softmax, loss cross_entropy, float'",
    "gemm_tanh_sigmoid_f64, 5, 1e-12,"
        + " '5 -> 6 tanh -> 1 sigmoid, loss binary_cross_entropy, double'",
    "matmul_add_elu_f32, 3, 1e-6," + " '3 -> 5 elu -> 2 linear, loss squared_error, float'",
    "matmul_add_softplus_f64, 4, 1e-12,"
        + " '4 -> 6 softplus -> 3 softmax, loss cross_entropy, double'",
    "leaky_relu_linear_f64, 3, 1e-12,"
        + " '3 -> 7 leaky_relu -> 5 relu -> 2 linear, loss squared_error, double'",
    "flatten_dropout_sigmoid_f32, 6, 1e-6,"
        + " '6 -> 4 sigmoid -> 2 tanh, loss squared_error, float'",
    "reshape_tanh_f32, 6, 1e-6," + " '6 -> 5 tanh -> 4 softmax, loss cross_entropy, float'",
    "typed_gemm_alpha_beta_f64, 4, 1e-12,"
        + " '4 -> 6 tanh -> 2 sigmoid, loss binary_cross_entropy, double'",
    "typed_gemm_alpha_beta_f32, 4, 1e-6,"
        + " '4 -> 6 tanh -> 2 sigmoid, loss binary_cross_entropy, float'"
  })
  void importedNetworkComputesPyTorchsOutputs(
      String name, int inputs, double tolerance, String summary) throws IOException {
    Path nn = dir.resolve(name + ".nn");
    Cli.Run run = Cli.run("import", Cli.resource("onnx/" + name + ".onnx"), "--out", nn);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("(" + summary + ")"), run::toString);
    CompiledNetwork net = load(nn);
    double error =
        maxRelativeError(net, Reference.read(Cli.resource("onnx/" + name + ".csv"), inputs));
    System.out.printf(
        Locale.ROOT,
        "import %s: max |netc - reference| / max(|reference|, 1) =" + " %.3g over %d rows%n",
        name,
        error,
        300);
    assertTrue(error <= tolerance, name + ": max relative error " + error + " > " + tolerance);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bad_truncated      | not a readable ONNX model: the file ends in the middle of a message",
        "bad_not_onnx       | not a readable ONNX model: it is not a protocol buffer",
        "bad_unsupported_op | node '/1/LogSoftmax' (LogSoftmax): netc cannot import this operator;"
            + " it imports chains of Gemm, MatMul, Add, Relu,",
        "bad_branches       | the value 'input' feeds 2 nodes (node '/fc1/Gemm' (Gemm), node '/Add'"
            + " (Add)): the graph has branches",
        "bad_weight_shape   | node '/2/Gemm' (Gemm): weight '2.weight' has shape 3x7 (transB=1), so"
            + " it takes 7 features, but the value it multiplies has 8; the weight has the wrong shape"
      })
  void badModelIsAnInputErrorAndWritesNothing(String name, String message) {
    Path nn = dir.resolve(name + ".nn");
    Path model = Cli.resource("onnx/" + name + ".onnx");
    Cli.Run run = Cli.run("import", model, "--out", nn);
    assertEquals(ExitCode.INPUT, run.exitCode(), run::toString);
    assertEquals(
        "netc: " + model + ": " + message,
        run.err()
            .strip()
            .substring(
                0,
                Math.min(run.err().strip().length(), ("netc: " + model + ": " + message).length())),
        run::toString);
    assertFalse(run.err().contains("Exception"), run::toString);
    assertFalse(Files.exists(nn), "nothing is written");
  }

  @Test
  void namesAndOptionsAreChecked() throws IOException {
    Path model = Cli.resource("onnx/typed_gemm_alpha_beta_f64.onnx");
    Path nn = dir.resolve("typed.nn");
    Cli.Run run =
        Cli.run(
            "import", model, "--out", nn, "--network", "Typed", "--package", "com.example.typed");
    assertEquals(0, run.exitCode(), run::toString);
    String text = Files.readString(nn);
    assertTrue(
        text.startsWith(
            "// Imported by netc from typed_gemm_alpha_beta_f64.onnx"
                + " (onnx.helper, opset 18, float64).\n"),
        text);
    assertTrue(text.contains("// the loss is the output's natural one"), text);
    assertTrue(
        text.contains(
            "package com.example.typed;\n\nnetwork Typed {\n    input 4;\n"
                + "    dense 6 tanh as l1 {\n"),
        text);
    assertTrue(text.contains("    loss binary_cross_entropy;\n}\n"), text);

    Cli.Run keyword = Cli.run("import", model, "--out", nn, "--network", "class");
    assertEquals(ExitCode.INPUT, keyword.exitCode(), keyword::toString);
    assertTrue(
        keyword
            .err()
            .contains("--network class: not a name a network can have (it is a" + " Java keyword)"),
        keyword::toString);
    Cli.Run pkg = Cli.run("import", model, "--out", nn, "--package", "com.1x");
    assertEquals(ExitCode.INPUT, pkg.exitCode(), pkg::toString);
    assertTrue(
        pkg.err().startsWith("netc: --package com.1x: not a Java package name"), pkg::toString);
    Cli.Run missing = Cli.run("import", dir.resolve("nothere.onnx"), "--out", nn);
    assertEquals(ExitCode.SYSTEM, missing.exitCode(), missing::toString);
    assertTrue(missing.err().contains("cannot read ONNX model"), missing::toString);
    Cli.Run noOut = Cli.run("import", model);
    assertEquals(ExitCode.USAGE, noOut.exitCode(), noOut::toString);
  }
}
