package dev.netc.grammar.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.check.Prelude;
import dev.netc.grammar.model.DeclaredActivation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The prelude's activations against PyTorch 1.13 ({@code prelude/torch_reference.py} made {@code
 * torch_reference.csv}: values and autograd derivatives in float64, kinks included), and the
 * derivatives as netc prints them.
 */
class PreludeTest {

  @Test
  void valuesAndDerivativesMatchPyTorch() throws IOException {
    List<String> lines;
    try (InputStream in = getClass().getResourceAsStream("/prelude/torch_reference.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertEquals("activation,x,value,derivative", lines.get(0));
    int compared = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      DeclaredActivation a = Prelude.activations().get(cells[0]);
      double x = Double.parseDouble(cells[1]);
      double value = Double.parseDouble(cells[2]);
      double derivative = Double.parseDouble(cells[3]);
      Map<String, Double> at = Declarations.variables(a, x);
      double[] shared = Declarations.sharedValues(a.derivation().shared(), at);
      String where = cells[0] + " at x = " + x;
      assertEquals(value, Eval.value(a.derivation().function(), at), tolerance(value), where);
      assertEquals(
          derivative,
          Eval.value(a.derivation().derivative(), at),
          tolerance(derivative),
          "derivative of " + where);
      assertEquals(value, shared[0], tolerance(value), "shared form of " + where);
      assertEquals(derivative, shared[1], tolerance(derivative), "shared derivative of " + where);
      compared++;
    }
    assertEquals(7 * 23, compared);
  }

  private static double tolerance(double expected) {
    return 1e-12 + 1e-9 * Math.abs(expected);
  }

  @Test
  void preludeHasTheBuiltInsOfTheLanguage() {
    assertEquals(
        List.of("gelu", "gelu_exact", "silu", "swish", "mish", "selu", "hard_tanh"),
        List.copyOf(Prelude.activations().keySet()));
    assertTrue(Prelude.activations().values().stream().allMatch(DeclaredActivation::prelude));
    assertEquals(
        Prelude.activations().get("silu").derivation(),
        Prelude.activations().get("swish").derivation(),
        "swish is silu");
  }

  @Test
  void derivativesAsNetcPrintsThem() {
    assertEquals("s + x * s * (1 - s), s = sigmoid(x)", derivative("swish"));
    assertEquals("t + x * (1 - t^2) * sigmoid(x), t = tanh(softplus(x))", derivative("mish"));
    assertEquals(
        "0.5 * u + 0.3989422804014327 * x * (1 - t^2) * (1 + 0.134145 * x^2),"
            + " t = tanh(0.7978845608028654 * (x + 0.044715 * x^3)), u = 1 + t",
        derivative("gelu"));
    assertEquals(
        "0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3)))",
        Prelude.activations().get("gelu").derivation().functionText(n -> n));
  }

  @Test
  void derivativeInTermsOfTheOutputWhereTheFunctionRecurs() {
    assertEquals("1 - y^2, y = f(x)", text("activation t(x) = tanh(x);"));
    assertEquals("y * (1 - y), y = f(x)", text("activation s(x) = sigmoid(x);"));
    assertEquals("y, y = f(x)", text("activation e(x) = exp(x);"));
    assertEquals(
        "if(x > 0, 1, a * e), e = exp(x)",
        text("activation my_elu(x, a = 1) = if(x > 0, x, a * (exp(x) - 1));"));
  }

  private static String derivative(String name) {
    return Prelude.activations().get(name).derivation().derivativeText(n -> n);
  }

  private static String text(String declaration) {
    return Declarations.declare(declaration).derivation().derivativeText(n -> n);
  }
}
