package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.NetworkFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files of version 1 keep compiling: {@code activation} is a keyword only at file level. */
class ActivationKeywordTest {
  @Test
  void activationIsStillAName() {
    NetworkFile file =
        Check.file(
            "package com.acme.activation;\n"
                + "network activation {\n"
                + "  input 4e0;\n"
                + "  dense 3 leaky_relu(a = -0.1) as activation;\n"
                + "  dense 1 sigmoid { bias = -1; }\n"
                + "  loss squared_error;\n"
                + "}\n");
    assertEquals("activation", file.networks().get(0).name());
    assertEquals("activation", file.networks().get(0).layers().get(0).name());
    assertEquals(-0.1, file.networks().get(0).layers().get(0).activationParameter());
    assertEquals(-1, file.networks().get(0).layers().get(1).bias().orElseThrow().get(0));
  }

  @Test
  void negativeNumbersAndNonFiniteWordsReadAsBefore() {
    FrontEndResult result =
        Check.result(
            "network N { input 4; dense 2 tanh { bias = [1, -Infinity]; } dense 1 sigmoid;"
                + " loss squared_error; }\n");
    assertEquals(1, result.diagnostics().size(), result.diagnostics()::toString);
    Diagnostic d = result.diagnostics().get(0);
    assertTrue(d.message().startsWith("'Infinity' is not a number netc accepts"), d.message());
  }

  @Test
  void declarationsBeforeAndAfterNetworks() {
    NetworkFile file =
        Check.file(
            "activation first(x) = x * sigmoid(x);\n"
                + "network N { input 2; dense 1 sigmoid; loss squared_error; }\n"
                + "activation second(x, a = 2) = first(a * x);\n");
    assertEquals(2, file.activations().size());
    assertEquals("second", file.activations().get(1).name());
    assertEquals(
        "a * x * sigmoid(a * x)", file.activations().get(1).derivation().functionText(n -> n));
  }

  @Test
  void deepExpressionsAreErrorsNotCrashes() {
    for (String body :
        List.of(
            "(".repeat(5000) + "x" + ")".repeat(5000),
            "tanh(".repeat(5000) + "x" + ")".repeat(5000),
            "x" + "^2".repeat(5000),
            "-".repeat(5000) + "x",
            "x" + " + x".repeat(50000))) {
      FrontEndResult result =
          Check.result(
              "activation f(x) = "
                  + body
                  + ";\n"
                  + "network N { input 2; dense 1 sigmoid; loss squared_error; }\n");
      assertTrue(result.hasErrors(), body.substring(0, 20));
      assertTrue(
          result.diagnostics().stream()
              .allMatch(d -> d.kind() == DiagnosticKind.EXPRESSION_TOO_LARGE),
          result.diagnostics()::toString);
    }
  }
}
