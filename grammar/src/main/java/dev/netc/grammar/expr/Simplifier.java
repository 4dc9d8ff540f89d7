package dev.netc.grammar.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Simplification that never changes a value beyond rounding: constant folding (only where the
 * result is finite), the identities of 0 and 1, flattening of nested sums and products, and signs
 * pulled out of products and quotients. It does not reorder terms, so a printed result reads in the
 * order it was written.
 *
 * <p>One exception to "never changes a value": {@code 0 * e} is 0 even where {@code e} is infinite
 * or NaN, as in every symbolic differentiator; such points are kinks or poles of the function.
 */
public final class Simplifier {
  private Simplifier() {}

  /** {@code e}, simplified. */
  public static Expr simplify(Expr e) {
    if (e instanceof Expr.Num || e instanceof Expr.Var) {
      return e;
    }
    if (e instanceof Expr.Neg n) {
      return negate(simplify(n.operand()));
    }
    if (e instanceof Expr.Sum s) {
      return sum(s.terms().stream().map(Simplifier::simplify).toList());
    }
    if (e instanceof Expr.Product p) {
      return product(p.factors().stream().map(Simplifier::simplify).toList());
    }
    if (e instanceof Expr.Quotient q) {
      return quotient(simplify(q.numerator()), simplify(q.denominator()));
    }
    if (e instanceof Expr.Power p) {
      return power(simplify(p.base()), simplify(p.exponent()));
    }
    if (e instanceof Expr.Call c) {
      List<Expr> arguments = c.arguments().stream().map(Simplifier::simplify).toList();
      Expr call = new Expr.Call(c.function(), arguments);
      return arguments.stream().allMatch(a -> a instanceof Expr.Num) ? fold(call) : call;
    }
    Expr.If i = (Expr.If) e;
    Expr.Comparison c =
        new Expr.Comparison(
            simplify(i.condition().left()),
            i.condition().relation(),
            simplify(i.condition().right()));
    Expr then = simplify(i.then());
    Expr otherwise = simplify(i.otherwise());
    if (c.left() instanceof Expr.Num && c.right() instanceof Expr.Num) {
      return Eval.holds(c, Map.of()) ? then : otherwise;
    }
    return then.equals(otherwise) ? then : new Expr.If(c, then, otherwise);
  }

  /** {@code -e}: a number negated, a double negation removed, a coefficient's sign flipped. */
  static Expr negate(Expr e) {
    if (e instanceof Expr.Num n) {
      return new Expr.Num(n.value() == 0 ? 0 : -n.value());
    }
    if (e instanceof Expr.Neg n) {
      return n.operand();
    }
    if (e instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Num c) {
      List<Expr> factors = new ArrayList<>(p.factors());
      factors.set(0, new Expr.Num(-c.value()));
      return new Expr.Product(factors);
    }
    return new Expr.Neg(e);
  }

  /** A sum of simplified terms: nested sums flattened, numbers added into one, zeros dropped. */
  private static Expr sum(List<Expr> simplified) {
    List<Expr> terms = new ArrayList<>();
    for (Expr term : simplified) {
      if (term instanceof Expr.Sum inner) {
        terms.addAll(inner.terms());
      } else {
        terms.add(term);
      }
    }
    int constant = -1;
    double total = 0;
    List<Expr> kept = new ArrayList<>();
    for (Expr term : terms) {
      if (term instanceof Expr.Num n) {
        total += n.value();
        if (constant < 0) {
          constant = kept.size();
          kept.add(term);
        }
      } else {
        kept.add(term);
      }
    }
    if (constant >= 0) {
      if (!Double.isFinite(total)) {
        return new Expr.Sum(terms); // an overflowing constant stays as written
      }
      if (total == 0) {
        kept.remove(constant);
      } else {
        kept.set(constant, new Expr.Num(total));
      }
    }
    if (kept.isEmpty()) {
      return new Expr.Num(0);
    }
    return kept.size() == 1 ? kept.get(0) : new Expr.Sum(kept);
  }

  /**
   * A product of simplified factors: nested products flattened, numbers multiplied into one leading
   * coefficient, ones dropped, zero absorbing, signs of factors moved to the front.
   */
  private static Expr product(List<Expr> simplified) {
    List<Expr> factors = new ArrayList<>();
    boolean negative = false;
    for (Expr factor : simplified) {
      Expr f = factor;
      if (f instanceof Expr.Neg n) {
        negative = !negative;
        f = n.operand();
      }
      if (f instanceof Expr.Product inner) {
        factors.addAll(inner.factors());
      } else {
        factors.add(f);
      }
    }
    double coefficient = negative ? -1 : 1;
    List<Expr> rest = new ArrayList<>();
    for (Expr f : factors) {
      if (f instanceof Expr.Num n) {
        coefficient *= n.value();
      } else {
        rest.add(f);
      }
    }
    if (coefficient == 0) {
      return new Expr.Num(0);
    }
    if (!Double.isFinite(coefficient)) {
      return new Expr.Product(simplified); // an overflowing constant stays as written
    }
    if (rest.isEmpty()) {
      return new Expr.Num(coefficient);
    }
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i) instanceof Expr.Quotient q) {
        // c a (n / d) b = (c a n b) / d: one division
        List<Expr> numerator = new ArrayList<>();
        numerator.add(new Expr.Num(coefficient));
        numerator.addAll(rest.subList(0, i));
        numerator.add(q.numerator());
        numerator.addAll(rest.subList(i + 1, rest.size()));
        return quotient(product(numerator), q.denominator());
      }
    }
    Expr body = rest.size() == 1 ? rest.get(0) : new Expr.Product(rest);
    if (coefficient == 1) {
      return body;
    }
    if (coefficient == -1) {
      return new Expr.Neg(body);
    }
    List<Expr> withCoefficient = new ArrayList<>();
    withCoefficient.add(new Expr.Num(coefficient));
    withCoefficient.addAll(rest);
    return new Expr.Product(withCoefficient);
  }

  private static Expr quotient(Expr a, Expr b) {
    if (b instanceof Expr.Num n && n.value() == 1) {
      return a;
    }
    if (a instanceof Expr.Num n && n.value() == 0) {
      return a;
    }
    if (a instanceof Expr.Neg n) {
      return negate(quotient(n.operand(), b));
    }
    if (b instanceof Expr.Neg n) {
      return negate(quotient(a, n.operand()));
    }
    // a / (c b) = (1/c) a / b where 1/c is exact (c a power of two): 2 x / (2 r) is x / r
    double c = 1;
    Expr rest = null;
    if (b instanceof Expr.Num n) {
      c = n.value();
    } else if (b instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Num n) {
      c = n.value();
      List<Expr> others = p.factors().subList(1, p.factors().size());
      rest = others.size() == 1 ? others.get(0) : new Expr.Product(others);
    }
    if (c != 1 && isPowerOfTwo(c)) {
      Expr scaled = product(List.of(new Expr.Num(1 / c), a));
      return rest == null ? scaled : quotient(scaled, rest);
    }
    Expr q = new Expr.Quotient(a, b);
    return a instanceof Expr.Num && b instanceof Expr.Num ? fold(q) : q;
  }

  /** True if 1 / c is exactly a double: c = +-2^k, normal, with a normal reciprocal. */
  private static boolean isPowerOfTwo(double c) {
    double a = Math.abs(c);
    return a >= 0x1p-1000 && a <= 0x1p1000 && a == Math.scalb(1.0, Math.getExponent(a));
  }

  private static Expr power(Expr base, Expr exponent) {
    if (exponent instanceof Expr.Num n) {
      if (n.value() == 1) {
        return base;
      }
      if (n.value() == 0) {
        return new Expr.Num(1);
      }
    }
    Expr p = new Expr.Power(base, exponent);
    return base instanceof Expr.Num && exponent instanceof Expr.Num ? fold(p) : p;
  }

  /** The value of a constant expression, if finite; else the expression. */
  private static Expr fold(Expr constant) {
    double value = Eval.value(constant, Map.of());
    return Double.isFinite(value) ? new Expr.Num(value == 0 ? 0 : value) : constant;
  }
}
