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
  SOFTMAX("softmax", List.of()),

  /**
   * An activation declared in the language ({@code activation NAME(x) = EXPR;}, the file's or the
   * prelude's): the layer says which ({@link DenseLayer#declared}). Not a name of the language.
   */
  DECLARED("declared", List.of());

  private static final Activation[] BUILT_INS =
      java.util.Arrays.stream(values()).filter(a -> a != DECLARED).toArray(Activation[]::new);

  private final CallSignature signature;

  Activation(String dslName, List<String> aliases, Parameter... parameters) {
    this.signature = new CallSignature(dslName, aliases, List.of(parameters));
  }

  @Override
  public CallSignature signature() {
    return signature;
  }

  /** The activations built into netc, each a name of the language: all but {@link #DECLARED}. */
  public static Activation[] builtIns() {
    return BUILT_INS.clone();
  }

  /** True if the activation has a parameter ({@code a} of leaky_relu and elu). */
  public boolean hasParameter() {
    return !parameters().isEmpty();
  }
}
