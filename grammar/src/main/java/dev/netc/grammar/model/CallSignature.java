package dev.netc.grammar.model;

import java.util.List;

/**
 * How a call of the language is written: its name, other accepted spellings, and its parameters in
 * the order positional arguments take them.
 *
 * @param dslName the spelling in the language ({@code leaky_relu})
 * @param aliases other spellings accepted for the same thing ({@code logistic} for {@code sigmoid})
 * @param parameters the parameters, in positional order
 */
public record CallSignature(String dslName, List<String> aliases, List<Parameter> parameters) {

  public CallSignature {
    aliases = List.copyOf(aliases);
    parameters = List.copyOf(parameters);
  }

  /** A call without aliases. */
  public static CallSignature of(String dslName, Parameter... parameters) {
    return new CallSignature(dslName, List.of(), List.of(parameters));
  }
}
