package dev.netc.generator.emit;

import dev.netc.grammar.model.Precision;
import dev.netc.grammar.print.Literals;

/** The element type of a generated class and how literals and casts are written in it. */
final class Arith {
  private final boolean isFloat;
  private final boolean floatExp;

  /**
   * @param floatExp true if e^x is taken in float ({@code expFloat}) in a float class
   */
  Arith(Precision precision, boolean floatExp) {
    this.isFloat = precision == Precision.FLOAT;
    this.floatExp = isFloat && floatExp;
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

  /** True if e^x is taken in float arithmetic, by the class's {@code expFloat}. */
  boolean floatExp() {
    return floatExp;
  }

  /** {@code 1 / (1 + e^-z)} of the element type, for the element expression {@code z}. */
  String sigmoid(String z) {
    return floatExp
        ? "1.0f / (1.0f + expFloat(-" + z + "))"
        : narrowParen("1.0 / (1.0 + Math.exp(-" + z + "))");
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
