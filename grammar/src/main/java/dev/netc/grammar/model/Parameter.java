package dev.netc.grammar.model;

import java.util.OptionalDouble;

/**
 * A parameter of a call of the language ({@code rate} of {@code sgd}, {@code a} of {@code
 * leaky_relu}), with its default where the spec gives one.
 */
public record Parameter(String name, OptionalDouble defaultValue) {

  /** A parameter with a default. */
  public static Parameter of(String name, double defaultValue) {
    return new Parameter(name, OptionalDouble.of(defaultValue));
  }

  /** A parameter that must be given. */
  public static Parameter required(String name) {
    return new Parameter(name, OptionalDouble.empty());
  }
}
