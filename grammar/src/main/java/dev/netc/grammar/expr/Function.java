package dev.netc.grammar.expr;

import java.util.Optional;

/**
 * The functions expressions may call. {@code if} is not here: its first argument is a comparison,
 * so it is a node of its own ({@link Expr.If}).
 */
public enum Function {
  EXP("exp", 1),
  LOG("log", 1),
  LOG1P("log1p", 1),
  SQRT("sqrt", 1),
  ABS("abs", 1),
  TANH("tanh", 1),
  SIGMOID("sigmoid", 1),
  SOFTPLUS("softplus", 1),
  SIN("sin", 1),
  COS("cos", 1),
  ERF("erf", 1),
  MIN("min", 2),
  MAX("max", 2);

  private final String spelling;
  private final int arity;

  Function(String spelling, int arity) {
    this.spelling = spelling;
    this.arity = arity;
  }

  /** How the function is written. */
  public String spelling() {
    return spelling;
  }

  /** How many arguments it takes. */
  public int arity() {
    return arity;
  }

  /** The function spelled {@code name}, if any. */
  public static Optional<Function> named(String name) {
    for (Function f : values()) {
      if (f.spelling.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The value at {@code a} (and {@code b} for min and max). */
  public double apply(double a, double b) {
    return switch (this) {
      case EXP -> Math.exp(a);
      case LOG -> Math.log(a);
      case LOG1P -> Math.log1p(a);
      case SQRT -> Math.sqrt(a);
      case ABS -> Math.abs(a);
      case TANH -> Math.tanh(a);
      case SIGMOID -> 1 / (1 + Math.exp(-a));
      // log(1 + e^a) without overflow for large a
      case SOFTPLUS -> Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
      case SIN -> Math.sin(a);
      case COS -> Math.cos(a);
      case ERF -> Erf.erf(a);
      // ties take the first argument (the convention of autograd frameworks)
      case MIN -> b < a ? b : a;
      case MAX -> b > a ? b : a;
    };
  }
}
