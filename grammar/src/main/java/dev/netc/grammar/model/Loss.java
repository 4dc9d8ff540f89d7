package dev.netc.grammar.model;

/** The losses of the language (docs/language.md, "Losses"). */
public enum Loss implements CallKind {
  /** 1/2 sum_k (y_k - t_k)^2. */
  SQUARED_ERROR("squared_error"),
  /** 1/K sum_k (y_k - t_k)^2 over the K outputs. */
  MEAN_SQUARED_ERROR("mean_squared_error"),
  /** - sum_k t_k ln y_k; needs a softmax output. */
  CROSS_ENTROPY("cross_entropy"),
  /** - sum_k [t_k ln y_k + (1 - t_k) ln(1 - y_k)]; needs a sigmoid output. */
  BINARY_CROSS_ENTROPY("binary_cross_entropy");

  private final CallSignature signature;

  Loss(String dslName) {
    this.signature = CallSignature.of(dslName);
  }

  @Override
  public CallSignature signature() {
    return signature;
  }
}
