package dev.netc.grammar.model;

import dev.netc.grammar.expr.NumberText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layer's call of a declared activation: which activation, and the value of each of its
 * parameters (given, or the default).
 *
 * @param activation the declared activation
 * @param arguments one value per parameter, in the declaration's order
 */
public record ActivationCall(DeclaredActivation activation, List<Double> arguments) {

  public ActivationCall {
    arguments = List.copyOf(arguments);
    if (arguments.size() != activation.parameters().size()) {
      throw new IllegalArgumentException(
          activation.name() + " takes " + activation.parameters().size() + " arguments");
    }
  }

  /** The activation's name ({@code scaled_tanh}). */
  public String name() {
    return activation.name();
  }

  /** The parameters' values by name, in the declaration's order. */
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < arguments.size(); i++) {
      values.put(activation.parameters().get(i).name(), arguments.get(i));
    }
    return values;
  }

  /**
   * The call as the language writes it: {@code swish}, {@code scaled_tanh(a = 1.7159, b = 0.5)}.
   */
  public String text() {
    if (arguments.isEmpty()) {
      return name();
    }
    List<String> named = new ArrayList<>();
    values().forEach((k, v) -> named.add(k + " = " + NumberText.of(v)));
    return name() + "(" + String.join(", ", named) + ")";
  }
}
