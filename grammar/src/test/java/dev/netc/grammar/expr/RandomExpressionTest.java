package dev.netc.grammar.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.model.DeclaredActivation;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random expression trees, depth up to 5, with fixed seeds: the derivative against central
 * differences, simplification against the unsimplified value, and printing against parsing.
 */
class RandomExpressionTest {
  private static final int TREES = 300;

  /**
   * A smooth random tree: no kinks, no poles (denominators and arguments of log and sqrt kept
   * positive), so that central differences apply everywhere.
   */
  static Expr smooth(Random random, int depth) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return switch (random.nextInt(3)) {
        case 0 -> new Expr.Num(Math.round((random.nextDouble() * 4 - 2) * 100) / 100.0);
        case 1 -> new Expr.Var("a");
        default -> new Expr.Var("x");
      };
    }
    Expr a = smooth(random, depth - 1);
    Expr b = smooth(random, depth - 1);
    Expr positive = Expr.sum(new Expr.Num(1), new Expr.Power(a, new Expr.Num(2)));
    return switch (random.nextInt(15)) {
      case 0 -> Expr.sum(a, b);
      case 1 -> new Expr.Sum(List.of(a, new Expr.Neg(b)));
      case 2 -> Expr.product(a, b);
      case 3 -> new Expr.Quotient(a, positive);
      case 4 -> new Expr.Neg(a);
      case 5 -> new Expr.Power(a, new Expr.Num(2 + random.nextInt(2)));
      case 6 -> new Expr.Power(positive, new Expr.Num(random.nextBoolean() ? 0.5 : -1.5));
      case 7 -> Expr.call(Function.TANH, a);
      case 8 -> Expr.call(Function.SIGMOID, a);
      case 9 -> Expr.call(Function.SOFTPLUS, a);
      case 10 -> Expr.call(Function.SIN, a);
      case 11 -> Expr.call(Function.COS, a);
      case 12 -> Expr.call(Function.ERF, a);
      case 13 -> Expr.call(Function.LOG, positive);
      default -> Expr.call(Function.EXP, Expr.call(Function.TANH, a));
    };
  }

  /** Any random tree, kinks and all: for simplification and printing, not for differences. */
  static Expr any(Random random, int depth) {
    if (depth > 0 && random.nextInt(4) == 0) {
      Expr a = any(random, depth - 1);
      Expr b = any(random, depth - 1);
      return switch (random.nextInt(5)) {
        case 0 -> Expr.call(Function.ABS, a);
        case 1 -> Expr.call(Function.MIN, a, b);
        case 2 -> Expr.call(Function.MAX, a, b);
        case 3 -> Expr.call(Function.SQRT, Expr.call(Function.ABS, a));
        default ->
            new Expr.If(
                new Expr.Comparison(
                    a, Expr.Relation.values()[random.nextInt(4)], new Expr.Var("x")),
                b,
                any(random, depth - 1));
      };
    }
    return smooth(random, depth);
  }

  @Test
  void derivativesOfRandomTreesMatchCentralDifferences() {
    Random random = new Random(13);
    int points = 0;
    for (int tree = 0; tree < TREES; tree++) {
      Expr f = smooth(random, 5);
      Derivation d = Derivation.of(f, "x", List.of("a"));
      for (int i = 0; i < 10; i++) {
        double x = random.nextDouble() * 6 - 3;
        Map<String, Double> at = Map.of("x", x, "a", 0.7);
        double value = Eval.value(f, at);
        double symbolic = Eval.value(d.derivative(), at);
        if (!(Math.abs(value) < 1e4 && Math.abs(symbolic) < 1e4)) {
          continue; // steep: central differences lose their digits
        }
        double h = 1e-6;
        double numeric =
            (Eval.value(f, Map.of("x", x + h, "a", 0.7))
                    - Eval.value(f, Map.of("x", x - h, "a", 0.7)))
                / (2 * h);
        double scale = Math.max(1, Math.max(Math.abs(value), Math.abs(symbolic)));
        assertEquals(numeric, symbolic, 1e-5 * scale, () -> Printer.print(f) + " at " + x);
        double[] shared = Declarations.sharedValues(d.shared(), at);
        assertEquals(value, shared[0], 1e-9 * scale, () -> "shared " + Printer.print(f));
        assertEquals(symbolic, shared[1], 1e-9 * scale, () -> "shared' " + Printer.print(f));
        points++;
      }
    }
    assertTrue(points > TREES * 5, "compared at " + points + " points");
  }

  @Test
  void simplificationKeepsValues() {
    Random random = new Random(17);
    for (int tree = 0; tree < TREES; tree++) {
      Expr e = any(random, 5);
      Expr derivative = Derivative.of(e, "x");
      Expr simplified = Simplifier.simplify(e);
      Expr simplifiedDerivative = Simplifier.simplify(derivative);
      for (int i = 0; i < 10; i++) {
        Map<String, Double> at = Map.of("x", random.nextDouble() * 6 - 3, "a", -0.4);
        same(Eval.value(e, at), Eval.value(simplified, at), e, at);
        same(Eval.value(derivative, at), Eval.value(simplifiedDerivative, at), derivative, at);
      }
    }
  }

  @Test
  void printedTreesParseBackToTheSameValues() {
    Random random = new Random(19);
    for (int tree = 0; tree < 120; tree++) {
      Expr e = any(random, 5);
      if (!ExprTrees.contains(e, new Expr.Var("x"))) {
        continue; // a constant activation only warns, but keep the model simple
      }
      String text = Printer.print(e);
      DeclaredActivation parsed = Declarations.declare("activation f(x, a = -0.4) = " + text + ";");
      for (int i = 0; i < 5; i++) {
        double x = random.nextDouble() * 6 - 3;
        Map<String, Double> at = Map.of("x", x, "a", -0.4);
        same(Eval.value(e, at), Eval.value(parsed.derivation().function(), at), e, at);
      }
    }
  }

  private static void same(double expected, double actual, Expr e, Map<String, Double> at) {
    if (Double.isNaN(expected)) {
      return; // outside the domain (the log of a negative number): nothing to keep
    }
    double tolerance = 1e-12 * Math.max(1, Math.abs(expected));
    assertEquals(expected, actual, tolerance, () -> Printer.print(e) + " at " + at);
  }
}
