package dev.netc.grammar.model;

import java.util.List;

/** The activations of the language (docs/language.md, "Activations"). */
public enum Activation implements CallKind {
  SIGMOID("sigmoid", List.of("logistic")),
  TANH("tanh", List.of()),
  RELU("relu", List.of()),
  LEAKY_RELU("leaky_relu", List.of(), Parameter.of("a", 0.01)),
  ELU("elu", List.of(), Parameter.of("a", 1.0)),
  SOFTPLUS("softplus", List.of()),
  LINEAR("linear", List.of("identity")),
  SOFTMAX("softmax", List.of());

  private final CallSignature signature;

  Activation(String dslName, List<String> aliases, Parameter... parameters) {
    this.signature = new CallSignature(dslName, aliases, List.of(parameters));
  }

  @Override
  public CallSignature signature() {
    return signature;
  }

  /** True if the activation has a parameter ({@code a} of leaky_relu and elu). */
  public boolean hasParameter() {
    return !parameters().isEmpty();
  }
}
