package dev.netc.grammar.expr;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Walking and rewriting expression trees. */
public final class ExprTrees {
  private ExprTrees() {}

  /** The number of nodes of {@code e}. */
  public static int size(Expr e) {
    int size = 1;
    for (Expr child : children(e)) {
      size += size(child);
    }
    return size;
  }

  /**
   * The number of nodes of {@code e}, counted up to {@code limit + 1}: cheap even for a tree whose
   * shared parts make it exponentially large when written out.
   */
  public static int sizeAtMost(Expr e, int limit) {
    int size = 1;
    for (Expr child : children(e)) {
      if (size > limit) {
        break;
      }
      size += sizeAtMost(child, limit - size);
    }
    return Math.min(size, limit + 1);
  }

  /** {@code e} with each variable named in {@code values} replaced by its value, all at once. */
  public static Expr substitute(Expr e, Map<String, Expr> values) {
    if (e instanceof Expr.Var v) {
      return values.getOrDefault(v.name(), v);
    }
    return map(e, c -> substitute(c, values));
  }

  /** The direct subexpressions of {@code e}, the comparison's sides included. */
  public static List<Expr> children(Expr e) {
    if (e instanceof Expr.Neg n) {
      return List.of(n.operand());
    }
    if (e instanceof Expr.Sum s) {
      return s.terms();
    }
    if (e instanceof Expr.Product p) {
      return p.factors();
    }
    if (e instanceof Expr.Quotient q) {
      return List.of(q.numerator(), q.denominator());
    }
    if (e instanceof Expr.Power p) {
      return List.of(p.base(), p.exponent());
    }
    if (e instanceof Expr.Call c) {
      return c.arguments();
    }
    if (e instanceof Expr.If i) {
      return List.of(i.condition().left(), i.condition().right(), i.then(), i.otherwise());
    }
    return List.of();
  }

  /** True if {@code part} occurs in {@code e}. */
  public static boolean contains(Expr e, Expr part) {
    if (e.equals(part)) {
      return true;
    }
    for (Expr child : children(e)) {
      if (contains(child, part)) {
        return true;
      }
    }
    return false;
  }

  /** {@code e} with every occurrence of {@code part} replaced by {@code by}. */
  public static Expr replace(Expr e, Expr part, Expr by) {
    if (e.equals(part)) {
      return by;
    }
    return map(e, c -> replace(c, part, by));
  }

  /** {@code e} with {@code r} applied to each direct subexpression. */
  public static Expr map(Expr e, UnaryOperator<Expr> r) {
    if (e instanceof Expr.Neg n) {
      return new Expr.Neg(r.apply(n.operand()));
    }
    if (e instanceof Expr.Sum s) {
      return new Expr.Sum(s.terms().stream().map(r).toList());
    }
    if (e instanceof Expr.Product p) {
      return new Expr.Product(p.factors().stream().map(r).toList());
    }
    if (e instanceof Expr.Quotient q) {
      return new Expr.Quotient(r.apply(q.numerator()), r.apply(q.denominator()));
    }
    if (e instanceof Expr.Power p) {
      return new Expr.Power(r.apply(p.base()), r.apply(p.exponent()));
    }
    if (e instanceof Expr.Call c) {
      return new Expr.Call(c.function(), c.arguments().stream().map(r).toList());
    }
    if (e instanceof Expr.If i) {
      Expr.Comparison c = i.condition();
      return new Expr.If(
          new Expr.Comparison(r.apply(c.left()), c.relation(), r.apply(c.right())),
          r.apply(i.then()),
          r.apply(i.otherwise()));
    }
    return e;
  }
}
