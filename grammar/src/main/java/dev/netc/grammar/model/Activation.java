package dev.netc.grammar.model;

import java.util.List;

/** The activations of the language (DSL.md, "Activations"). */
public enum Activation implements CallKind {
  SIGMOID("sigmoid", List.of("logistic")),
  TANH("tanh", List.of()),
  RELU("relu", List.of()),
  LEAKY_RELU("leaky_relu", List.of(), Parameter.of("a", 0.01)),
  ELU("elu", List.of(), Parameter.of("a", 1.0)),
  SOFTPLUS("softplus", List.of()),
  LINEAR("linear", List.of("identity")),
  SOFTMAX("softmax", List.of());

  private final String dslName;
  private final List<String> aliases;
  private final List<Parameter> parameters;

  Activation(String dslName, List<String> aliases, Parameter... parameters) {
    this.dslName = dslName;
    this.aliases = aliases;
    this.parameters = List.of(parameters);
  }

  @Override
  public String dslName() {
    return dslName;
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }

  @Override
  public List<Parameter> parameters() {
    return parameters;
  }

  /** True if the activation has a parameter ({@code a} of leaky_relu and elu). */
  public boolean hasParameter() {
    return !parameters.isEmpty();
  }
}
