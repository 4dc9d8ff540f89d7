package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.diag.Suggestions;
import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.Parameter;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.Positions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.antlr.v4.runtime.Token;

/**
 * Resolves the name of a call against a closed set (activations, inits, ...) and binds its
 * arguments to the parameters: positional first, in the order of the tables of docs/language.md,
 * then named; then checks each value's range ({@link ArgumentRules}).
 */
final class CallChecker {
  private final DiagnosticCollector diagnostics;
  private final Positions positions;
  private final Numbers numbers;

  CallChecker(DiagnosticCollector diagnostics, Positions positions, Numbers numbers) {
    this.diagnostics = diagnostics;
    this.positions = positions;
    this.numbers = numbers;
  }

  /**
   * The member of {@code values} named by {@code name} (its DSL name or an alias), or empty after
   * reporting {@code unknown} with a suggestion.
   *
   * @param what what is named, for the message ({@code activation})
   */
  <K extends CallKind> Optional<K> resolve(
      Token name, K[] values, String what, DiagnosticKind unknown) {
    List<String> spellings = new ArrayList<>();
    for (K value : values) {
      if (value.dslName().equals(name.getText()) || value.aliases().contains(name.getText())) {
        return Optional.of(value);
      }
      spellings.add(value.dslName());
      spellings.addAll(value.aliases());
    }
    List<String> primary = Arrays.stream(values).map(CallKind::dslName).toList();
    String hint =
        Suggestions.closest(name.getText(), spellings)
            .map(c -> " (did you mean '" + c + "'?)")
            .orElse(": use one of " + String.join(", ", primary));
    diagnostics.report(
        unknown, positions.of(name), "unknown " + what + " '" + name.getText() + "'" + hint);
    return Optional.empty();
  }

  /** Resolves and binds {@code call}, or reports why it cannot and returns empty. */
  <K extends CallKind> Optional<BoundCall<K>> bind(
      NetcParser.CallContext call, K[] values, String what, DiagnosticKind unknown) {
    Optional<Token> name = call == null ? Optional.empty() : Trees.name(call.name());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<K> kind = resolve(name.get(), values, what, unknown);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    long errorsBefore = diagnostics.errorCount();
    List<Optional<BoundCall.Argument>> given = bindArguments(call, kind.get());
    BoundCall<K> bound = new BoundCall<>(kind.get(), positions.of(name.get()), given);
    if (diagnostics.errorCount() == errorsBefore && call.exception == null) {
      reportMissing(bound, what);
    }
    for (int i = 0; i < given.size(); i++) {
      Parameter parameter = kind.get().parameters().get(i);
      given.get(i).ifPresent(a -> ArgumentRules.check(bound.kind(), parameter, a, diagnostics));
    }
    ArgumentRules.checkTogether(bound, diagnostics);
    return diagnostics.errorCount() == errorsBefore ? Optional.of(bound) : Optional.empty();
  }

  private <K extends CallKind> List<Optional<BoundCall.Argument>> bindArguments(
      NetcParser.CallContext call, K kind) {
    List<Parameter> parameters = kind.parameters();
    List<Optional<BoundCall.Argument>> given = new ArrayList<>();
    parameters.forEach(p -> given.add(Optional.empty()));
    boolean named = false;
    boolean tooMany = false;
    int positional = 0;
    for (NetcParser.ArgContext arg : call.arg()) {
      int index;
      if (arg.name() != null) {
        named = true;
        Optional<Token> argName = Trees.name(arg.name());
        if (argName.isEmpty()) {
          continue;
        }
        index = indexOf(parameters, argName.get().getText());
        if (index < 0) {
          reportUnknownArgument(kind, argName.get());
          continue;
        }
      } else {
        Span span = positions.of(arg);
        if (named) {
          diagnostics.report(
              DiagnosticKind.POSITIONAL_AFTER_NAMED,
              span,
              "a positional argument cannot follow a named one: write it as 'name = value' or"
                  + " move it before the named arguments");
          continue;
        }
        index = positional++;
        if (index >= parameters.size()) {
          if (!tooMany) {
            tooMany = true;
            diagnostics.report(
                DiagnosticKind.TOO_MANY_ARGUMENTS,
                span,
                "too many arguments for "
                    + kind.dslName()
                    + ": it takes "
                    + takes(parameters)
                    + "; remove this one and any after it");
          }
          continue;
        }
      }
      if (given.get(index).isPresent()) {
        diagnostics.report(
            DiagnosticKind.DUPLICATE_ARGUMENT,
            positions.of(arg),
            "parameter '"
                + parameters.get(index).name()
                + "' of "
                + kind.dslName()
                + " is given twice: remove one");
        continue;
      }
      final int at = index;
      if (parameters.get(index).name().equals("seed") && !(kind instanceof DeclaredActivation)) {
        // a seed is read exactly (a long), not through a double
        seed(arg.number(), kind).ifPresent(v -> given.set(at, Optional.of(v)));
      } else {
        numbers
            .value(arg.number())
            .ifPresent(
                v ->
                    given.set(
                        at, Optional.of(new BoundCall.Argument(v.text(), v.value(), v.span()))));
      }
    }
    return given;
  }

  private Optional<BoundCall.Argument> seed(NetcParser.NumberContext number, CallKind kind) {
    Optional<Token> token =
        number == null || number.exception != null
            ? Optional.empty()
            : Trees.token(number.NUMBER());
    if (token.isEmpty()) {
      numbers.value(number); // reports a word where the seed should be
      return Optional.empty();
    }
    Span span = positions.of(token.get());
    OptionalLong seed = numbers.seed(token.get().getText(), span, kind.dslName());
    return seed.isPresent()
        ? Optional.of(new BoundCall.Argument(token.get().getText(), seed.getAsLong(), span))
        : Optional.empty();
  }

  private void reportUnknownArgument(CallKind kind, Token argName) {
    List<String> names = kind.parameters().stream().map(Parameter::name).toList();
    String message =
        names.isEmpty()
            ? kind.dslName() + " takes no arguments: write '" + kind.dslName() + "' alone"
            : kind.dslName()
                + " has no parameter '"
                + argName.getText()
                + "'"
                + Suggestions.closest(argName.getText(), names)
                    .map(c -> " (did you mean '" + c + "'?)")
                    .orElse(": its parameters are " + String.join(", ", names));
    diagnostics.report(DiagnosticKind.UNKNOWN_ARGUMENT, positions.of(argName), message);
  }

  private void reportMissing(BoundCall<?> bound, String what) {
    List<Parameter> parameters = bound.kind().parameters();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      if (bound.given().get(i).isEmpty() && parameter.defaultValue().isEmpty()) {
        diagnostics.report(
            DiagnosticKind.MISSING_ARGUMENT,
            bound.span(),
            "the "
                + what
                + " '"
                + bound.kind().dslName()
                + "' needs a value for '"
                + parameter.name()
                + "': write, for example, "
                + bound.kind().dslName()
                + "("
                + parameter.name()
                + " = "
                + ArgumentRules.example(parameter.name())
                + ")");
      }
    }
  }

  private static int indexOf(List<Parameter> parameters, String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String takes(List<Parameter> parameters) {
    if (parameters.isEmpty()) {
      return "no arguments";
    }
    List<String> names = parameters.stream().map(Parameter::name).toList();
    return (parameters.size() == 1 ? "one argument" : "at most " + parameters.size() + " arguments")
        + " ("
        + String.join(", ", names)
        + ")";
  }
}
