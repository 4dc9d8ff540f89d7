package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Parameter;
import dev.netc.grammar.syntax.TokenText;

/**
 * The range each parameter of the language allows (docs/language.md, tables of init, optimizer,
 * regularize and clip). Every value is already finite: the number reader rejects overflow, and NaN
 * cannot be written. Seeds are checked as they are read ({@link Numbers#seed}).
 */
final class ArgumentRules {
  private ArgumentRules() {}

  /** Checks one given argument of {@code kind}. */
  static void check(
      CallKind kind,
      Parameter parameter,
      BoundCall.Argument argument,
      DiagnosticCollector diagnostics) {
    if (kind instanceof DeclaredActivation) {
      return; // a declared activation's parameters take any finite value
    }
    double v = argument.value();
    String name = parameter.name();
    String rule =
        switch (name) {
          case "rate", "epsilon", "max" -> v > 0 ? null : "must be greater than 0";
          case "momentum" -> v >= 0 && v < 1 ? null : "must be at least 0 and less than 1";
          case "nesterov" -> v == 0 || v == 1 ? null : "must be 0 (off) or 1 (on)";
          case "beta1", "beta2", "rho" ->
              v > 0 && v < 1 ? null : "must be between 0 and 1, both excluded";
          case "lambda" -> v >= 0 ? null : "must be 0 or greater";
          default -> null;
        };
    if (rule != null) {
      diagnostics.report(
          DiagnosticKind.ARGUMENT_OUT_OF_RANGE,
          argument.span(),
          name
              + " of "
              + kind.dslName()
              + " "
              + rule
              + ", found "
              + TokenText.quote(argument.text()));
    }
  }

  /** Checks what involves several arguments of one call: {@code uniform} needs low < high. */
  static void checkTogether(BoundCall<?> call, DiagnosticCollector diagnostics) {
    if (call.kind() == Init.Kind.UNIFORM && !(call.value("low") < call.value("high"))) {
      diagnostics.report(
          DiagnosticKind.EMPTY_RANGE,
          call.span(),
          "uniform needs low < high, found low = "
              + call.text("low")
              + " and high = "
              + call.text("high")
              + ": swap them or widen the range");
    }
  }

  /** A sensible value of a required parameter, for the message that asks for it. */
  static String example(String parameter) {
    return switch (parameter) {
      case "lambda" -> "0.0001";
      case "max" -> "5";
      default -> "1";
    };
  }
}
