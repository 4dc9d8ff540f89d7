package dev.netc.grammar.model;

import java.util.List;

/** One of the closed sets of named calls of the language: an activation, init, optimizer, ... */
public interface CallKind {

  /** The spelling in the language ({@code leaky_relu}). */
  String dslName();

  /** Other spellings accepted for the same thing ({@code logistic} for {@code sigmoid}). */
  default List<String> aliases() {
    return List.of();
  }

  /** The parameters, in the order positional arguments take them. */
  List<Parameter> parameters();
}
