package dev.netc.grammar.model;

/**
 * The {@code clip} of a network (docs/language.md, "clip"): applied to a step's gradient after
 * regularize.
 */
public sealed interface Clip {

  /** Which clip this is. */
  Kind kind();

  /** The bound. */
  double max();

  /** {@code norm(max)}: rescales the whole gradient so that its Euclidean norm is at most max. */
  record Norm(double max) implements Clip {
    @Override
    public Kind kind() {
      return Kind.NORM;
    }
  }

  /** {@code value(max)}: clamps each gradient component to [-max, max]. */
  record Value(double max) implements Clip {
    @Override
    public Kind kind() {
      return Kind.VALUE;
    }
  }

  /** The clip calls. */
  enum Kind implements CallKind {
    NORM("norm", Parameter.required("max")),
    VALUE("value", Parameter.required("max"));

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
