package dev.netc.grammar.expr;

import static dev.netc.grammar.expr.Expr.call;
import static dev.netc.grammar.expr.Expr.num;
import static dev.netc.grammar.expr.Expr.product;
import static dev.netc.grammar.expr.Expr.sum;

import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic differentiation with respect to one variable: the sum, product, quotient and chain
 * rules, and a rule per function. The result is not simplified ({@link Simplifier} does that).
 *
 * <p>Where a function is not differentiable, the rule follows autograd frameworks: the derivative
 * of the branch taken ({@code if(x > 0, x, 0)} has derivative 0 at 0), {@code abs'(0) = 0}, and
 * {@code min} and {@code max} follow their first argument on ties, as they return it.
 */
public final class Derivative {
  /** 2 / sqrt(pi), the factor of erf'(u) = 2 / sqrt(pi) e^(-u^2). */
  static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

  private Derivative() {}

  /** d e / d variable, unsimplified. */
  public static Expr of(Expr e, String variable) {
    if (e instanceof Expr.Num) {
      return num(0);
    }
    if (e instanceof Expr.Var v) {
      return num(v.name().equals(variable) ? 1 : 0);
    }
    if (e instanceof Expr.Neg n) {
      return new Expr.Neg(of(n.operand(), variable));
    }
    if (e instanceof Expr.Sum s) {
      return new Expr.Sum(s.terms().stream().map(t -> of(t, variable)).toList());
    }
    if (e instanceof Expr.Product p) {
      return productRule(p, variable);
    }
    if (e instanceof Expr.Quotient q) {
      return quotient(q, variable);
    }
    if (e instanceof Expr.Power p) {
      // (u^c)' = c u^(c - 1) u', c free of the variable
      return product(
          p.exponent(),
          new Expr.Power(p.base(), sum(p.exponent(), num(-1))),
          of(p.base(), variable));
    }
    if (e instanceof Expr.Call c) {
      return chainRule(c, variable);
    }
    Expr.If i = (Expr.If) e;
    return new Expr.If(i.condition(), of(i.then(), variable), of(i.otherwise(), variable));
  }

  /** (f1 f2 ... fn)' = f1' f2 ... fn + f1 f2' ... fn + ... */
  private static Expr productRule(Expr.Product p, String variable) {
    List<Expr> terms = new ArrayList<>();
    for (int i = 0; i < p.factors().size(); i++) {
      List<Expr> factors = new ArrayList<>(p.factors());
      factors.set(i, of(factors.get(i), variable));
      terms.add(new Expr.Product(factors));
    }
    return new Expr.Sum(terms);
  }

  /** (a / b)' = (a' b - a b') / b^2, or a' / b where b is free of the variable. */
  private static Expr quotient(Expr.Quotient q, String variable) {
    Expr a = q.numerator();
    Expr b = q.denominator();
    if (!ExprTrees.contains(b, new Expr.Var(variable))) {
      return new Expr.Quotient(of(a, variable), b);
    }
    return new Expr.Quotient(
        sum(product(of(a, variable), b), new Expr.Neg(product(a, of(b, variable)))),
        new Expr.Power(b, num(2)));
  }

  /** The chain rule: f(u)' = f'(u) u', and min/max by the argument they return. */
  private static Expr chainRule(Expr.Call c, String variable) {
    Expr u = c.arguments().get(0);
    if (c.function() == Function.MIN || c.function() == Function.MAX) {
      Expr v = c.arguments().get(1);
      Expr.Relation takesFirst =
          c.function() == Function.MIN
              ? Expr.Relation.LESS_OR_EQUAL
              : Expr.Relation.GREATER_OR_EQUAL;
      return new Expr.If(new Expr.Comparison(u, takesFirst, v), of(u, variable), of(v, variable));
    }
    Expr du = of(u, variable);
    return switch (c.function()) {
      case EXP -> product(c, du);
      case LOG -> new Expr.Quotient(du, u);
      case LOG1P -> new Expr.Quotient(du, sum(num(1), u));
      case SQRT -> new Expr.Quotient(du, product(num(2), c));
      // abs'(0) = 0, as autograd frameworks take it
      case ABS ->
          new Expr.If(
              new Expr.Comparison(u, Expr.Relation.GREATER, num(0)),
              du,
              new Expr.If(
                  new Expr.Comparison(u, Expr.Relation.LESS, num(0)), new Expr.Neg(du), num(0)));
      // in terms of the function's value, which the forward pass has computed
      case TANH -> product(sum(num(1), new Expr.Neg(new Expr.Power(c, num(2)))), du);
      case SIGMOID -> product(c, sum(num(1), new Expr.Neg(c)), du);
      case SOFTPLUS -> product(call(Function.SIGMOID, u), du);
      case SIN -> product(call(Function.COS, u), du);
      case COS -> new Expr.Neg(product(call(Function.SIN, u), du));
      case ERF ->
          product(
              num(TWO_OVER_SQRT_PI),
              call(Function.EXP, new Expr.Neg(new Expr.Power(u, num(2)))),
              du);
      case MIN, MAX -> throw new AssertionError(c.function());
    };
  }
}
