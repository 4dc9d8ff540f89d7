package dev.netc.grammar.expr;

import java.util.List;

/**
 * An expression of a declared activation: the body of {@code activation NAME(x, ...) = EXPR;} after
 * checking, or a derivative. Immutable; equal trees are equal records, which is what {@link
 * Sharing} uses to find common subexpressions.
 */
public sealed interface Expr
    permits Expr.Num,
        Expr.Var,
        Expr.Neg,
        Expr.Sum,
        Expr.Product,
        Expr.Quotient,
        Expr.Power,
        Expr.Call,
        Expr.If {

  /** A finite number. */
  record Num(double value) implements Expr {
    public Num {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a number must be finite: " + value);
      }
    }
  }

  /** The input ({@code x}), a parameter, or a name bound by {@link Sharing}. */
  record Var(String name) implements Expr {}

  /** {@code -operand}. */
  record Neg(Expr operand) implements Expr {}

  /** {@code terms[0] + terms[1] + ...}; a difference is a sum with a {@link Neg} term. */
  record Sum(List<Expr> terms) implements Expr {
    public Sum {
      terms = List.copyOf(terms);
      if (terms.size() < 2) {
        throw new IllegalArgumentException("a sum needs two terms: " + terms);
      }
    }
  }

  /** {@code factors[0] * factors[1] * ...}. */
  record Product(List<Expr> factors) implements Expr {
    public Product {
      factors = List.copyOf(factors);
      if (factors.size() < 2) {
        throw new IllegalArgumentException("a product needs two factors: " + factors);
      }
    }
  }

  /** {@code numerator / denominator}. */
  record Quotient(Expr numerator, Expr denominator) implements Expr {}

  /** {@code base ^ exponent}, the exponent free of the input (the checker makes sure). */
  record Power(Expr base, Expr exponent) implements Expr {}

  /** A function of the language applied to its arguments, as many as it takes. */
  record Call(Function function, List<Expr> arguments) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
      if (arguments.size() != function.arity()) {
        throw new IllegalArgumentException(
            function.spelling() + " takes " + function.arity() + " arguments: " + arguments);
      }
    }
  }

  /** {@code if(condition, then, otherwise)}. */
  record If(Comparison condition, Expr then, Expr otherwise) implements Expr {}

  /** {@code left RELATION right}, the condition of an {@link If}. */
  record Comparison(Expr left, Relation relation, Expr right) {}

  /** The comparisons of the language. */
  enum Relation {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String spelling;

    Relation(String spelling) {
      this.spelling = spelling;
    }

    /** How the comparison is written. */
    public String spelling() {
      return spelling;
    }

    /** Whether {@code left RELATION right} holds. */
    public boolean test(double left, double right) {
      return switch (this) {
        case LESS -> left < right;
        case LESS_OR_EQUAL -> left <= right;
        case GREATER -> left > right;
        case GREATER_OR_EQUAL -> left >= right;
      };
    }

    /** The relation spelled {@code text}, or null. */
    public static Relation of(String text) {
      for (Relation relation : values()) {
        if (relation.spelling.equals(text)) {
          return relation;
        }
      }
      return null;
    }
  }

  /** A number. */
  static Expr num(double value) {
    return new Num(value);
  }

  /** {@code a + b}. */
  static Expr sum(Expr a, Expr b) {
    return new Sum(List.of(a, b));
  }

  /** {@code a * b * ...}. */
  static Expr product(Expr... factors) {
    return new Product(List.of(factors));
  }

  /** {@code f(arguments)}. */
  static Expr call(Function f, Expr... arguments) {
    return new Call(f, List.of(arguments));
  }
}
