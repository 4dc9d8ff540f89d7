package dev.netc.grammar.expr;

import java.util.Map;

/** The value of an expression, the variables given by name. */
public final class Eval {
  private Eval() {}

  /**
   * Evaluates {@code e} in double precision, each operation as Java's {@code Math} computes it.
   *
   * @throws IllegalArgumentException if a variable has no value
   */
  public static double value(Expr e, Map<String, Double> variables) {
    if (e instanceof Expr.Num n) {
      return n.value();
    }
    if (e instanceof Expr.Var v) {
      Double value = variables.get(v.name());
      if (value == null) {
        throw new IllegalArgumentException("no value for " + v.name());
      }
      return value;
    }
    if (e instanceof Expr.Neg n) {
      return -value(n.operand(), variables);
    }
    if (e instanceof Expr.Sum s) {
      double sum = value(s.terms().get(0), variables);
      for (int i = 1; i < s.terms().size(); i++) {
        sum += value(s.terms().get(i), variables);
      }
      return sum;
    }
    if (e instanceof Expr.Product p) {
      double product = value(p.factors().get(0), variables);
      for (int i = 1; i < p.factors().size(); i++) {
        product *= value(p.factors().get(i), variables);
      }
      return product;
    }
    if (e instanceof Expr.Quotient q) {
      return value(q.numerator(), variables) / value(q.denominator(), variables);
    }
    if (e instanceof Expr.Power p) {
      return power(value(p.base(), variables), value(p.exponent(), variables));
    }
    if (e instanceof Expr.Call c) {
      double a = value(c.arguments().get(0), variables);
      double b = c.arguments().size() > 1 ? value(c.arguments().get(1), variables) : 0;
      return c.function().apply(a, b);
    }
    Expr.If i = (Expr.If) e;
    return holds(i.condition(), variables)
        ? value(i.then(), variables)
        : value(i.otherwise(), variables);
  }

  /** Whether the comparison holds. */
  public static boolean holds(Expr.Comparison c, Map<String, Double> variables) {
    return c.relation().test(value(c.left(), variables), value(c.right(), variables));
  }

  /**
   * {@code base ^ exponent}: small whole exponents as repeated products (as generated code computes
   * them), others through {@link Math#pow}.
   */
  public static double power(double base, double exponent) {
    if (exponent == 2) {
      return base * base;
    }
    if (exponent == 3) {
      return base * base * base;
    }
    return Math.pow(base, exponent);
  }
}
