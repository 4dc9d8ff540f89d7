package dev.netc.grammar.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.source.SourceFile;
import java.util.HashMap;
import java.util.Map;

/** Test helpers: declarations through the whole front end, and values of derivations. */
final class Declarations {
  private Declarations() {}

  /** The activation declared by {@code declaration}, checked in a file with a plain network. */
  static DeclaredActivation declare(String declaration) {
    String text =
        declaration
            + "\nnetwork Net { input 2; dense 2 tanh; dense 1 sigmoid; loss squared_error; }\n";
    FrontEndResult result = NetcFrontEnd.check(new SourceFile("test.nn", text));
    assertTrue(
        result.model().isPresent(),
        () -> "expected a model, got:\n" + DiagnosticFormat.terminal(result.diagnostics()));
    return result.model().get().activations().get(0);
  }

  /** The value of f(x) of {@code declaration}, its parameters at their defaults. */
  static double value(String declaration, double x) {
    DeclaredActivation a = declare(declaration);
    return Eval.value(a.derivation().function(), variables(a, x));
  }

  /** The input and the parameters' defaults. */
  static Map<String, Double> variables(DeclaredActivation a, double x) {
    Map<String, Double> variables = new HashMap<>();
    variables.put(a.input(), x);
    a.parameters().forEach(p -> variables.put(p.name(), p.defaultValue().orElseThrow()));
    return variables;
  }

  /** f and f' computed from the shared form: the definitions in order, then both. */
  static double[] sharedValues(Sharing shared, Map<String, Double> inputs) {
    Map<String, Double> variables = new HashMap<>(inputs);
    for (Sharing.Definition definition : shared.definitions()) {
      variables.put(definition.name(), Eval.value(definition.value(), variables));
    }
    double f = Eval.value(shared.function(), variables);
    if (shared.output() != null) {
      variables.put(shared.output(), f);
    }
    return new double[] {f, Eval.value(shared.derivative(), variables)};
  }
}
