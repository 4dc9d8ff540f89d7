package dev.netc.grammar.model;

/**
 * The {@code optimizer} of a network (docs/language.md, "optimizer"); with none, {@code sgd(rate =
 * 0.01)}.
 */
public sealed interface Optimizer {

  /** The default of the language: {@code sgd(rate = 0.01)}. */
  Optimizer DEFAULT = new Sgd(0.01, 0, false);

  /** Which optimizer this is. */
  Kind kind();

  /** The learning rate. */
  double rate();

  /**
   * {@code sgd(rate = 0.01, momentum = 0, nesterov = 0)}: v = momentum v - rate g; w += v (plain: w
   * -= rate g); with nesterov: w += momentum v - rate g after updating v.
   */
  record Sgd(double rate, double momentum, boolean nesterov) implements Optimizer {
    @Override
    public Kind kind() {
      return Kind.SGD;
    }
  }

  /** {@code adam(rate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8)}, Kingma and Ba. */
  record Adam(double rate, double beta1, double beta2, double epsilon) implements Optimizer {
    @Override
    public Kind kind() {
      return Kind.ADAM;
    }
  }

  /** {@code rmsprop(rate = 0.001, rho = 0.9, epsilon = 1e-8)}. */
  record RmsProp(double rate, double rho, double epsilon) implements Optimizer {
    @Override
    public Kind kind() {
      return Kind.RMSPROP;
    }
  }

  /** {@code adagrad(rate = 0.01, epsilon = 1e-8)}. */
  record AdaGrad(double rate, double epsilon) implements Optimizer {
    @Override
    public Kind kind() {
      return Kind.ADAGRAD;
    }
  }

  /** The optimizer calls, with their parameters and defaults. */
  enum Kind implements CallKind {
    SGD(
        "sgd",
        Parameter.of("rate", 0.01),
        Parameter.of("momentum", 0),
        Parameter.of("nesterov", 0)),
    ADAM(
        "adam",
        Parameter.of("rate", 0.001),
        Parameter.of("beta1", 0.9),
        Parameter.of("beta2", 0.999),
        Parameter.of("epsilon", 1e-8)),
    RMSPROP(
        "rmsprop",
        Parameter.of("rate", 0.001),
        Parameter.of("rho", 0.9),
        Parameter.of("epsilon", 1e-8)),
    ADAGRAD("adagrad", Parameter.of("rate", 0.01), Parameter.of("epsilon", 1e-8));

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
