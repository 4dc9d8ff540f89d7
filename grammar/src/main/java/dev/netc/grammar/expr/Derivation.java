package dev.netc.grammar.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An activation f with its derivative f' derived by netc: both simplified, and their common
 * subexpressions shared ({@link Sharing}).
 *
 * @param input the name of the input variable ({@code x})
 * @param function f, simplified
 * @param derivative f', simplified, without sharing
 * @param shared f and f' with their common subexpressions computed once
 */
public record Derivation(String input, Expr function, Expr derivative, Sharing shared) {

  /**
   * Derives {@code function} with respect to {@code input}.
   *
   * @param parameters the names of the other variables (constants here)
   */
  public static Derivation of(Expr function, String input, List<String> parameters) {
    Expr f = Simplifier.simplify(function);
    Expr d = Simplifier.simplify(Derivative.of(f, input));
    Set<String> taken = new LinkedHashSet<>(parameters);
    taken.add(input);
    return new Derivation(input, f, d, Sharing.of(f, d, taken));
  }

  /** f as a person reads it, {@code x * sigmoid(x)}. */
  public String functionText(UnaryOperator<String> names) {
    return Printer.print(function, names);
  }

  /** f' with its shared values, {@code s + x * s * (1 - s), s = sigmoid(x)}. */
  public String derivativeText(UnaryOperator<String> names) {
    return shared.derivativeText(names, input);
  }
}
