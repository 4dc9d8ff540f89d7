package dev.netc.grammar.model;

import java.util.List;

/** One of the closed sets of named calls of the language: an activation, init, optimizer, ... */
public interface CallKind {

  /** How the call is written. */
  CallSignature signature();

  /** The spelling in the language ({@code leaky_relu}). */
  default String dslName() {
    return signature().dslName();
  }

  /** Other spellings accepted for the same thing ({@code logistic} for {@code sigmoid}). */
  default List<String> aliases() {
    return signature().aliases();
  }

  /** The parameters, in the order positional arguments take them. */
  default List<Parameter> parameters() {
    return signature().parameters();
  }
}
