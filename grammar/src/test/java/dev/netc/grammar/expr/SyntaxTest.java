package dev.netc.grammar.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Precedence and the minus: how expressions of declared activations read. */
class SyntaxTest {
  @ParameterizedTest(name = "{0} at x = 3")
  @CsvSource(
      delimiter = ';',
      value = {
        "-x^2; -9", // ^ binds tighter than unary minus
        "-3^2 + 0 * x; -9", // also when the lexer reads -3 as one number
        "(-3)^2 + 0 * x; 9",
        "2^3^2 + 0 * x; 512", // ^ groups to the right
        "x-1; 2", // a minus after an operand is a difference
        "x -1; 2",
        "(x)-1; 2",
        "x^-1; 0.3333333333333333",
        "2*x -3*x; -3",
        "x - -1; 4",
        "1 - x * 2 / 3 + 4; 3",
        "x / 3 * 2; 2",
        "x^2 * 2; 18",
        "-(x + 1) * 2; -8",
        "- -x; 3",
        "1e-1 * x; 0.30000000000000004",
        "if((x > 2), 1, 0); 1",
        "x^(a - 0.5); 3", // a constant exponent may use parameters
      })
  void reads(String body, double expected) {
    assertEquals(
        expected, Declarations.value("activation f(x, a = 1.5) = " + body + ";", 3), 1e-15);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "x + 0 + 0 * sin(x); x",
        "1 * x * 1; x",
        "x^1 + x^0; x + 1",
        "(x * 2) * (3 * x); 6 * x * x",
        "((x + 1) + (2 + x)) + 3; x + 6 + x",
        "-(-x); x",
        "-(2 * x); -2 * x",
        "sqrt(4) * exp(0) + x; 2 + x",
        "if(1 < 2, x, sin(x)); x",
        "if(x > 0, x, x); x",
        "x / 1 + 0 / x; x",
        "x / 4; 0.25 * x",
        "2 * x / (4 * sin(x)); 0.5 * x / sin(x)",
        "a * tanh(x) / 2; 0.5 * a * tanh(x)",
      })
  void simplifies(String body, String expected) {
    var a = Declarations.declare("activation f(x, a = 1) = " + body + ";");
    assertEquals(expected, a.derivation().functionText(n -> n));
  }
}
