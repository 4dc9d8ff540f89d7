package dev.netc.generator.emit;

import dev.netc.grammar.model.Precision;
import dev.netc.grammar.print.Literals;

/** The element type of a generated class and how literals and casts are written in it. */
final class Arith {
  private final boolean isFloat;

  Arith(Precision precision) {
    this.isFloat = precision == Precision.FLOAT;
  }

  /** {@code double} or {@code float}. */
  String type() {
    return isFloat ? "float" : "double";
  }

  /** {@code double[]} or {@code float[]}. */
  String arrayType() {
    return type() + "[]";
  }

  boolean isFloat() {
    return isFloat;
  }

  /** A literal of the element type. */
  String lit(double value) {
    return isFloat ? Literals.floatLiteral((float) value) : Literals.doubleLiteral(value);
  }

  /** {@code expr} (a double expression) narrowed to the element type; no cast in double. */
  String narrow(String expr) {
    return isFloat ? "(float) " + expr : expr;
  }

  /** Like {@link #narrow}, with the expression in parentheses (for binary expressions). */
  String narrowParen(String expr) {
    return isFloat ? "(float) (" + expr + ")" : expr;
  }
}
