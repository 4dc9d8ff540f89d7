package dev.netc.grammar.model;

import dev.netc.grammar.expr.Derivation;
import java.util.List;

/**
 * An activation declared in the language, {@code activation NAME(x, PARAM = DEFAULT, ...) = EXPR;}:
 * in the file, or in netc's prelude of built-ins written in the language ({@code gelu}, {@code
 * silu}, ...). Layers call it as they call a built-in: positional arguments, then named ones, for
 * the parameters after the input.
 *
 * @param name the activation's name
 * @param parameters the parameters after the input, each with its default
 * @param derivation the function (calls of other declared activations inlined) and its derivative
 * @param calls the declared activations (the file's or the prelude's) its expression calls, in
 *     order of first call
 * @param prelude true for netc's built-ins written in the language
 * @param span where the name is declared
 */
public record DeclaredActivation(
    String name,
    List<Parameter> parameters,
    Derivation derivation,
    List<String> calls,
    boolean prelude,
    Span span)
    implements CallKind {

  public DeclaredActivation {
    parameters = List.copyOf(parameters);
    calls = List.copyOf(calls);
  }

  @Override
  public CallSignature signature() {
    return new CallSignature(name, List.of(), parameters);
  }

  /** The name of the input variable ({@code x}). */
  public String input() {
    return derivation.input();
  }
}
