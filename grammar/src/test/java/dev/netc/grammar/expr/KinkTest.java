package dev.netc.grammar.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netc.grammar.model.DeclaredActivation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * At a kink the derivative is that of the branch the expression takes, as in autograd frameworks:
 * {@code if(x > 0, x, 0)} has derivative 0 at 0 (as relu), {@code abs'(0) = 0}, and {@code min} and
 * {@code max} follow their first argument on ties.
 */
class KinkTest {
  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "if(x > 0, x, 0); 0; 0",
        "if(x >= 0, x, 0); 0; 1",
        "if(x < 0, -x, 2 * x); 0; 2",
        "if(x <= 0, -x, 2 * x); 0; -1",
        "abs(x); 0; 0",
        "abs(x); -2; -1",
        "abs(x); 3; 1",
        "max(x, 0); 0; 1",
        "max(0, x); 0; 0",
        "min(x, 0); 0; 1",
        "min(0, x); 0; 0",
        "max(2 * x, x); 0; 2",
        "hard_tanh(x); 1; 0",
        "hard_tanh(x); -1; 0",
        "hard_tanh(x); 0.5; 1",
        "selu(x); 0; 1.7580993408473766",
      })
  void derivativeOfTheBranchTaken(String body, double x, double expected) {
    DeclaredActivation a = Declarations.declare("activation f(x) = " + body + ";");
    double derivative = Eval.value(a.derivation().derivative(), Declarations.variables(a, x));
    assertEquals(expected, derivative, 1e-15, body + " at " + x);
    double[] shared =
        Declarations.sharedValues(a.derivation().shared(), Declarations.variables(a, x));
    assertEquals(expected, shared[1], 1e-15, "shared form of " + body + " at " + x);
  }
}
