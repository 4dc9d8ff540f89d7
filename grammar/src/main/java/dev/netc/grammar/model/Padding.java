package dev.netc.grammar.model;

/** How a convolution treats the border of its input (docs/language.md, "Convolution"). */
public enum Padding implements CallKind {
  /** No padding: every window lies inside the input; the output is (in - k) / stride + 1. */
  VALID("valid"),
  /**
   * Zeros around the input so that the output is ceil(in / stride), with total padding max((out -
   * 1) * stride + k - in, 0) per axis, floor(total / 2) before and the rest after (TensorFlow's
   * convention).
   */
  SAME("same");

  private final CallSignature signature;

  Padding(String dslName) {
    this.signature = CallSignature.of(dslName);
  }

  @Override
  public CallSignature signature() {
    return signature;
  }
}
