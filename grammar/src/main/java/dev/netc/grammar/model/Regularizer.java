package dev.netc.grammar.model;

/** The {@code regularize} of a network (docs/language.md, "regularize"). */
public sealed interface Regularizer {

  /** Which regularizer this is. */
  Kind kind();

  /**
   * {@code l2(lambda)}: adds lambda * w to the gradient of every weight (not bias), once per step.
   */
  record L2(double lambda) implements Regularizer {
    @Override
    public Kind kind() {
      return Kind.L2;
    }
  }

  /** The regularizer calls. */
  enum Kind implements CallKind {
    L2("l2", Parameter.required("lambda"));

    private final CallSignature signature;

    Kind(String dslName, Parameter... parameters) {
      this.signature = CallSignature.of(dslName, parameters);
    }

    @Override
    public CallSignature signature() {
      return signature;
    }
  }
}
