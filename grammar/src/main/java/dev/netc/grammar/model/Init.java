package dev.netc.grammar.model;

/**
 * The {@code init} of a network (docs/language.md, "init"); with none, {@code xavier(seed = 0)}.
 */
public sealed interface Init {

  /** The default of the language: {@code xavier(seed = 0)}. */
  Init DEFAULT = new Xavier(0);

  /** Which init this is. */
  Kind kind();

  /** {@code constant(weights = 0.1, bias = 0)}. */
  record Constant(double weights, double bias) implements Init {
    @Override
    public Kind kind() {
      return Kind.CONSTANT;
    }
  }

  /** {@code uniform(low = -0.5, high = 0.5, seed = 0)}: weights uniform in [low, high). */
  record Uniform(double low, double high, long seed) implements Init {
    @Override
    public Kind kind() {
      return Kind.UNIFORM;
    }
  }

  /** {@code xavier(seed = 0)}: Glorot uniform. */
  record Xavier(long seed) implements Init {
    @Override
    public Kind kind() {
      return Kind.XAVIER;
    }
  }

  /** {@code he(seed = 0)}: He normal. */
  record He(long seed) implements Init {
    @Override
    public Kind kind() {
      return Kind.HE;
    }
  }

  /** The init calls, with their parameters and defaults. */
  enum Kind implements CallKind {
    CONSTANT("constant", Parameter.of("weights", 0.1), Parameter.of("bias", 0)),
    UNIFORM(
        "uniform", Parameter.of("low", -0.5), Parameter.of("high", 0.5), Parameter.of("seed", 0)),
    XAVIER("xavier", Parameter.of("seed", 0)),
    HE("he", Parameter.of("seed", 0));

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
