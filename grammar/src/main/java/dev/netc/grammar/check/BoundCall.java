package dev.netc.grammar.check;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.ActivationCall;
import dev.netc.grammar.model.CallKind;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.model.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call whose name was resolved and whose arguments were bound to its parameters, defaults filled
 * in.
 *
 * @param kind what was called
 * @param span where the call's name is
 * @param given the argument given for each parameter, in parameter order (empty where the default
 *     applies)
 */
record BoundCall<K extends CallKind>(K kind, Span span, List<Optional<Argument>> given) {

  /** One argument as written: its text (for messages and seeds), value and place. */
  record Argument(String text, double value, Span span) {}

  /** The value of parameter {@code index}, given or default. */
  double value(int index) {
    return given
        .get(index)
        .map(Argument::value)
        .orElseGet(() -> kind.parameters().get(index).defaultValue().orElse(Double.NaN));
  }

  /** The built-in activation called, or {@link Activation#DECLARED} for a declared one. */
  Activation builtInActivation() {
    return kind instanceof Activation a ? a : Activation.DECLARED;
  }

  /** The parameter of a built-in activation, or NaN for one without and for a declared one. */
  double activationParameter() {
    return builtInActivation().hasParameter() ? value(0) : Double.NaN;
  }

  /** The call of a declared activation with its arguments' values, or empty for a built-in. */
  Optional<ActivationCall> declaredActivation() {
    if (!(kind instanceof DeclaredActivation d)) {
      return Optional.empty();
    }
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < d.parameters().size(); i++) {
      values.add(value(i));
    }
    return Optional.of(new ActivationCall(d, values));
  }

  /** The value of the parameter called {@code name}. */
  double value(String name) {
    return value(indexOf(name));
  }

  /** The text of parameter {@code name} as written, or its default in plain digits. */
  String text(String name) {
    int index = indexOf(name);
    return given
        .get(index)
        .map(Argument::text)
        .orElseGet(() -> BigDecimal.valueOf(value(index)).stripTrailingZeros().toPlainString());
  }

  /** The seed, already checked to be a whole number in range (see {@link Numbers#seed}). */
  long seed() {
    int index = indexOf("seed");
    return given
        .get(index)
        .map(a -> new BigDecimal(a.text()).longValueExact())
        .orElse((long) value(index));
  }

  /** Where parameter {@code name} was given, else where the call is. */
  Span span(String name) {
    return given.get(indexOf(name)).map(Argument::span).orElse(span);
  }

  private int indexOf(String name) {
    List<?> parameters = kind.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (kind.parameters().get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(kind.dslName() + " has no parameter " + name);
  }
}
