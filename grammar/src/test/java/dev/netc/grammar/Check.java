package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.source.SourceFile;
import java.util.stream.Collectors;

/** Test helpers: check text and get the model, failing with the rendered diagnostics. */
final class Check {
  private Check() {}

  static FrontEndResult result(String text) {
    return NetcFrontEnd.check(new SourceFile("test.nn", text));
  }

  static NetworkFile file(String text) {
    FrontEndResult result = result(text);
    assertTrue(
        result.model().isPresent(),
        () ->
            "expected a model, got:\n"
                + result.diagnostics().stream()
                    .map(DiagnosticFormat::terminal)
                    .collect(Collectors.joining("\n")));
    return result.model().get();
  }

  static Network network(String text) {
    return file(text).networks().get(0);
  }

  /** A network with the given statements between input 4 and loss squared_error. */
  static Network withStatements(String... statements) {
    return network(
        "network Net {\n  input 4;\n  "
            + String.join("\n  ", statements)
            + "\n  loss squared_error;\n}\n");
  }
}
