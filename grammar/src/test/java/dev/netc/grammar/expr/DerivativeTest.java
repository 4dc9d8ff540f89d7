package dev.netc.grammar.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function and every rule against central differences (f(x + h) - f(x - h)) / 2h at many
 * points, through the whole front end (parse, check, derive, simplify, share). Kinks are skipped
 * here; {@link KinkTest} checks the conventions there.
 */
class DerivativeTest {
  private static final DoublePredicate ANYWHERE = x -> true;

  static List<Arguments> cases() {
    return List.of(
        // one case per function, each through the chain rule (an inner 0.7 x + 0.3)
        Arguments.of("exp(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("log(0.7 * x + 0.3)", (DoublePredicate) x -> 0.7 * x + 0.3 > 0.05),
        Arguments.of("log1p(0.7 * x + 0.3)", (DoublePredicate) x -> 0.7 * x + 0.3 > -0.95),
        Arguments.of("sqrt(0.7 * x + 0.3)", (DoublePredicate) x -> 0.7 * x + 0.3 > 0.05),
        Arguments.of("abs(0.7 * x + 0.3)", (DoublePredicate) x -> Math.abs(0.7 * x + 0.3) > 1e-3),
        Arguments.of("tanh(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("sigmoid(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("softplus(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("sin(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("cos(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("erf(0.7 * x + 0.3)", ANYWHERE),
        Arguments.of("min(x^2, 0.5 * x + 1)", (DoublePredicate) x -> away(x * x - 0.5 * x - 1)),
        Arguments.of("max(x^2, 0.5 * x + 1)", (DoublePredicate) x -> away(x * x - 0.5 * x - 1)),
        Arguments.of("if(x > 0.3, x^2, sin(x))", (DoublePredicate) x -> away(x - 0.3)),
        Arguments.of("if(x <= -1, 2 * x, x^3)", (DoublePredicate) x -> away(x + 1)),
        Arguments.of("if(x < 2 * x + 1, exp(x), 3)", (DoublePredicate) x -> away(x + 1)),
        Arguments.of("if(x >= 0, x, 0)", (DoublePredicate) DerivativeTest::away),
        // the rules
        Arguments.of("x + 2 * x^2 - 3", ANYWHERE),
        Arguments.of("-x", ANYWHERE),
        Arguments.of("x * sin(x) * exp(-x^2)", ANYWHERE),
        Arguments.of("sin(x) / (1 + x^2)", ANYWHERE),
        Arguments.of("(x^2 + 1) / (x - 3)", (DoublePredicate) x -> Math.abs(x - 3) > 0.1),
        Arguments.of("2 / x", (DoublePredicate) x -> Math.abs(x) > 0.1),
        Arguments.of("x^2.5", (DoublePredicate) x -> x > 0.01),
        Arguments.of("x^-3", (DoublePredicate) x -> Math.abs(x) > 0.1),
        Arguments.of("(1 + x^2)^0.5", ANYWHERE),
        Arguments.of("x^a", (DoublePredicate) x -> x > 0.01),
        Arguments.of("2^3^x", ANYWHERE), // a constant exponent only: rejected below
        Arguments.of("tanh(sigmoid(softplus(x)) * x)", ANYWHERE),
        Arguments.of("-x^2 + -(x)^3", ANYWHERE),
        // the examples of the language spec and the prelude
        Arguments.of("x * sigmoid(x)", ANYWHERE),
        Arguments.of("a * tanh(b * x)", ANYWHERE),
        Arguments.of("(sqrt(x^2 + 1) - 1) / 2 + x", ANYWHERE),
        Arguments.of("if(x > 0, x, a * (exp(x) - 1))", (DoublePredicate) DerivativeTest::away),
        Arguments.of("gelu(x) + gelu_exact(x) + mish(x)", ANYWHERE),
        Arguments.of("selu(x)", (DoublePredicate) DerivativeTest::away),
        Arguments.of(
            "hard_tanh(2 * x, low = -0.5)",
            (DoublePredicate) x -> away(2 * x + 0.5) && away(2 * x - 1)));
  }

  private static boolean away(double kink) {
    return Math.abs(kink) > 1e-3;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesCentralDifferences(String body, DoublePredicate smooth) {
    if (body.equals("2^3^x")) {
      return; // checked by the error corpus: the exponent depends on x
    }
    var activation = Declarations.declare("activation f(x, a = 1.3, b = 0.6) = " + body + ";");
    Derivation d = activation.derivation();
    int checked = 0;
    for (int i = 0; i <= 400; i++) {
      double x = -4 + i * 0.02 + 0.0013; // off the grid of whole numbers
      if (!smooth.test(x)) {
        continue;
      }
      Map<String, Double> at = Declarations.variables(activation, x);
      double symbolic = Eval.value(d.derivative(), at);
      double numeric = central(d.function(), activation, x);
      double scale =
          Math.max(1, Math.max(Math.abs(symbolic), Math.abs(Eval.value(d.function(), at))));
      assertEquals(numeric, symbolic, 1e-6 * scale, body + " at x = " + x);
      double[] shared = Declarations.sharedValues(d.shared(), at);
      assertEquals(Eval.value(d.function(), at), shared[0], 1e-12 * scale, "shared f at " + x);
      assertEquals(symbolic, shared[1], 1e-12 * scale, "shared f' at " + x);
      checked++;
    }
    assertTrue(checked > 100, body + ": only " + checked + " points");
  }

  static double central(Expr f, dev.netc.grammar.model.DeclaredActivation a, double x) {
    double h = 1e-5 * Math.max(1, Math.abs(x));
    double up = Eval.value(f, Declarations.variables(a, x + h));
    double down = Eval.value(f, Declarations.variables(a, x - h));
    return (up - down) / (2 * h);
  }
}
