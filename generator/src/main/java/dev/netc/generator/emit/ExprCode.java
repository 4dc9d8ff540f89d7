package dev.netc.generator.emit;

import dev.netc.grammar.expr.Eval;
import dev.netc.grammar.expr.Expr;
import dev.netc.grammar.expr.Function;
import dev.netc.grammar.expr.Printer;
import java.util.Map;

/**
 * Writes an expression of a declared activation as Java of the class's element type: literals of
 * that type, the functions of {@code Math} (each narrowed to {@code float} in a float class, as
 * they return double), the class's helpers for tanh, sigmoid, softplus and erf ({@link
 * MathHelper}), and as few parentheses as Java's precedence needs while keeping the expression's
 * order of operations. Whole exponents from 2 to 4 are written as products ({@code z * z * z}),
 * others through {@code Math.pow}.
 */
final class ExprCode {
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int ATOM = 5;

  private final Arith arith;
  private final Map<String, String> variables;
  private final Map<String, Double> parameters;

  /**
   * @param variables the Java text of each variable that is not a parameter (the input, the output,
   *     shared values): an array element or a local
   * @param parameters each parameter's value, written as a literal
   */
  ExprCode(Arith arith, Map<String, String> variables, Map<String, Double> parameters) {
    this.arith = arith;
    this.variables = variables;
    this.parameters = parameters;
  }

  /** {@code e} as a Java expression of the element type. */
  String write(Expr e) {
    return code(e).text;
  }

  private record Code(String text, int level) {
    String in(int context) {
      return level < context ? "(" + text + ")" : text;
    }
  }

  private Code number(double value) {
    return new Code(arith.lit(value), value < 0 || isNegativeZero(value) ? UNARY : ATOM);
  }

  private static boolean isNegativeZero(double value) {
    return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
  }

  private Code code(Expr e) {
    if (e instanceof Expr.Num n) {
      return number(n.value());
    }
    if (e instanceof Expr.Var v) {
      Double value = parameters.get(v.name());
      if (value != null) {
        return number(value);
      }
      String text = variables.get(v.name());
      if (text == null) {
        throw new IllegalStateException("no Java text for variable " + v.name());
      }
      return new Code(text, ATOM);
    }
    if (e instanceof Expr.Neg n) {
      Code operand = code(n.operand());
      String text = operand.in(UNARY);
      return new Code("-" + (text.startsWith("-") ? "(" + text + ")" : text), UNARY);
    }
    if (e instanceof Expr.Sum s) {
      StringBuilder text = new StringBuilder(code(s.terms().get(0)).in(SUM));
      for (int i = 1; i < s.terms().size(); i++) {
        Expr term = s.terms().get(i);
        Expr subtracted = Printer.subtracted(term);
        if (subtracted != null) {
          text.append(" - ").append(code(subtracted).in(PRODUCT));
        } else {
          text.append(" + ").append(code(term).in(PRODUCT));
        }
      }
      return new Code(text.toString(), SUM);
    }
    if (e instanceof Expr.Product p) {
      StringBuilder text = new StringBuilder(code(p.factors().get(0)).in(PRODUCT));
      for (int i = 1; i < p.factors().size(); i++) {
        text.append(" * ").append(code(p.factors().get(i)).in(UNARY));
      }
      return new Code(text.toString(), PRODUCT);
    }
    if (e instanceof Expr.Quotient q) {
      return new Code(
          code(q.numerator()).in(PRODUCT) + " / " + code(q.denominator()).in(UNARY), PRODUCT);
    }
    if (e instanceof Expr.Power p) {
      return power(p);
    }
    if (e instanceof Expr.Call c) {
      return call(c);
    }
    Expr.If i = (Expr.If) e;
    Expr.Comparison condition = i.condition();
    return new Code(
        "("
            + code(condition.left()).in(SUM)
            + " "
            + condition.relation().spelling()
            + " "
            + code(condition.right()).in(SUM)
            + " ? "
            + code(i.then()).in(SUM)
            + " : "
            + code(i.otherwise()).in(SUM)
            + ")",
        ATOM);
  }

  /** {@code base^n}: a product for n = 2 to 4, its reciprocal for -2 to -4, else Math.pow. */
  private Code power(Expr.Power p) {
    double n = Eval.value(p.exponent(), parameters);
    Code base = code(p.base());
    if (n == 1) {
      return base;
    }
    if (n == 0) {
      return number(1.0);
    }
    double whole = Math.abs(n);
    if (whole == Math.rint(whole) && whole <= 4) {
      String factor = base.in(UNARY);
      StringBuilder product = new StringBuilder(factor);
      for (int k = 1; k < whole; k++) {
        product.append(" * ").append(factor);
      }
      if (n > 0) {
        return new Code(product.toString(), whole == 1 ? base.level : PRODUCT);
      }
      return new Code(
          arith.lit(1.0) + " / " + (whole == 1 ? factor : "(" + product + ")"), PRODUCT);
    }
    return narrowed("Math.pow(" + base.in(SUM) + ", " + arith.lit(n) + ")");
  }

  private Code call(Expr.Call c) {
    String a = code(c.arguments().get(0)).in(SUM);
    return switch (c.function()) {
      case EXP -> narrowed("Math.exp(" + a + ")");
      case LOG -> narrowed("Math.log(" + a + ")");
      case LOG1P -> narrowed("Math.log1p(" + a + ")");
      case SQRT -> narrowed("Math.sqrt(" + a + ")");
      case SIN -> narrowed("Math.sin(" + a + ")");
      case COS -> narrowed("Math.cos(" + a + ")");
      // Math.abs, min and max keep the type of their arguments
      case ABS -> new Code("Math.abs(" + a + ")", ATOM);
      case MIN, MAX -> {
        String b = code(c.arguments().get(1)).in(SUM);
        String name = c.function() == Function.MIN ? "min" : "max";
        yield new Code("Math." + name + "(" + a + ", " + b + ")", ATOM);
      }
      case TANH, SIGMOID, SOFTPLUS, ERF ->
          narrowed(MathHelper.of(c.function()).methodName() + "(" + a + ")");
    };
  }

  /** A call that returns double, cast to float in a float class. */
  private Code narrowed(String call) {
    return arith.isFloat() ? new Code("(float) " + call, UNARY) : new Code(call, ATOM);
  }
}
