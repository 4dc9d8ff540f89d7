package dev.netc.grammar.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Prints an expression in the language's syntax with as few parentheses as its precedence needs:
 * the text parses back to an expression of the same value.
 */
public final class Printer {
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private final UnaryOperator<String> names;

  private Printer(UnaryOperator<String> names) {
    this.names = names;
  }

  /** {@code e} as the language writes it. */
  public static String print(Expr e) {
    return print(e, UnaryOperator.identity());
  }

  /**
   * {@code e} with each variable's name replaced by {@code names} ({@code x} printed as {@code z}).
   */
  public static String print(Expr e, UnaryOperator<String> names) {
    return new Printer(names).text(e, SUM);
  }

  private static int level(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.value() < 0 ? UNARY : ATOM;
    }
    if (e instanceof Expr.Neg) {
      return UNARY;
    }
    if (e instanceof Expr.Sum) {
      return SUM;
    }
    if (e instanceof Expr.Product || e instanceof Expr.Quotient) {
      return PRODUCT;
    }
    if (e instanceof Expr.Power) {
      return POWER;
    }
    return ATOM;
  }

  private String text(Expr e, int context) {
    String text = bare(e);
    return level(e) < context ? "(" + text + ")" : text;
  }

  private String bare(Expr e) {
    if (e instanceof Expr.Num n) {
      return NumberText.of(n.value());
    }
    if (e instanceof Expr.Var v) {
      return names.apply(v.name());
    }
    if (e instanceof Expr.Neg n) {
      Expr operand = n.operand();
      boolean negative = level(operand) == UNARY;
      return "-" + (negative ? "(" + bare(operand) + ")" : text(operand, UNARY));
    }
    if (e instanceof Expr.Sum s) {
      return sum(s);
    }
    if (e instanceof Expr.Product p) {
      StringBuilder out = new StringBuilder(text(p.factors().get(0), PRODUCT));
      for (int i = 1; i < p.factors().size(); i++) {
        out.append(" * ").append(text(p.factors().get(i), UNARY));
      }
      return out.toString();
    }
    if (e instanceof Expr.Quotient q) {
      return text(q.numerator(), PRODUCT) + " / " + text(q.denominator(), UNARY);
    }
    if (e instanceof Expr.Power p) {
      return text(p.base(), ATOM) + "^" + text(p.exponent(), POWER);
    }
    if (e instanceof Expr.Call c) {
      List<String> arguments = new ArrayList<>();
      c.arguments().forEach(a -> arguments.add(text(a, SUM)));
      return c.function().spelling() + "(" + String.join(", ", arguments) + ")";
    }
    Expr.If i = (Expr.If) e;
    return "if("
        + text(i.condition().left(), SUM)
        + " "
        + i.condition().relation().spelling()
        + " "
        + text(i.condition().right(), SUM)
        + ", "
        + text(i.then(), SUM)
        + ", "
        + text(i.otherwise(), SUM)
        + ")";
  }

  /** Terms joined by + and -: a negated term, a negative number or coefficient reads as "- ...". */
  private String sum(Expr.Sum s) {
    StringBuilder out = new StringBuilder(text(s.terms().get(0), SUM));
    for (int i = 1; i < s.terms().size(); i++) {
      Expr term = s.terms().get(i);
      Expr subtracted = subtracted(term);
      if (subtracted != null) {
        out.append(" - ").append(text(subtracted, PRODUCT));
      } else {
        out.append(" + ").append(text(term, PRODUCT));
      }
    }
    return out.toString();
  }

  /**
   * {@code t} if a sum's {@code term} reads as {@code - t}: a negation, a negative number, or a
   * product with a negative coefficient ({@code -2 * x} gives {@code 2 * x}); else null. Adding
   * {@code term} and subtracting {@code t} give the same value to the bit.
   */
  public static Expr subtracted(Expr term) {
    if (term instanceof Expr.Neg n) {
      return n.operand();
    }
    if (term instanceof Expr.Num n && n.value() < 0) {
      return new Expr.Num(-n.value());
    }
    if (term instanceof Expr.Product p
        && p.factors().get(0) instanceof Expr.Num c
        && c.value() < 0) {
      List<Expr> factors = new ArrayList<>(p.factors());
      if (c.value() == -1) {
        factors.remove(0);
      } else {
        factors.set(0, new Expr.Num(-c.value()));
      }
      return factors.size() == 1 ? factors.get(0) : new Expr.Product(factors);
    }
    return null;
  }
}
