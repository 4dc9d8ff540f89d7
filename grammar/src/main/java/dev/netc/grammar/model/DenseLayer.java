package dev.netc.grammar.model;

import java.util.Optional;

/**
 * One {@code dense} statement, checked: layer {@code number} (counting from 1) computes z = W x +
 * b, x = f(z). Its input is the layer below flattened in HWC order ({@link Shape}).
 *
 * @param number position among the network's layers, from 1 (in a network without feature layers,
 *     among its dense layers)
 * @param name the {@code as NAME} name, else {@code layer<number>}
 * @param units number of units (rows of W), at least 1
 * @param inputs number of units of the layer below (columns of W), at least 1
 * @param activation the activation f; {@link Activation#DECLARED} for one declared in the language
 * @param activationParameter the activation's parameter ({@code a} of leaky_relu and elu, default
 *     filled in), or NaN for activations without one
 * @param dropout the {@code dropout(r)} rate applied to the layer's output while training, 0 for
 *     none; in [0, 1), and 0 on the output layer
 * @param weights explicit weights from the layer body, units x inputs
 * @param bias explicit bias from the layer body, one value per unit (a single number is expanded)
 * @param span where the {@code dense} statement is in the file
 * @param declared the declared activation and its parameters' values, present exactly when {@code
 *     activation} is {@link Activation#DECLARED}
 */
public record DenseLayer(
    int number,
    String name,
    int units,
    int inputs,
    Activation activation,
    double activationParameter,
    double dropout,
    Optional<Matrix> weights,
    Optional<Vector> bias,
    Span span,
    Optional<ActivationCall> declared)
    implements Layer {

  public DenseLayer {
    if ((activation == Activation.DECLARED) != declared.isPresent()) {
      throw new IllegalArgumentException(
          "layer " + number + ": a declared activation needs its call: " + activation);
    }
    if (number < 1 || units < 1 || inputs < 1) {
      throw new IllegalArgumentException(
          "layer " + number + ": units and inputs must be > 0: " + units + ", " + inputs);
    }
    if (activation.hasParameter() == Double.isNaN(activationParameter)) {
      throw new IllegalArgumentException(
          "layer " + number + ": parameter " + activationParameter + " for " + activation);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException(
          "layer " + number + ": dropout must be in [0, 1): " + dropout);
    }
    weights.ifPresent(
        w -> {
          if (w.rows() != units || w.cols() != inputs) {
            throw new IllegalArgumentException(
                "layer " + number + ": weights must be " + units + "x" + inputs + ", are " + w);
          }
        });
    bias.ifPresent(
        b -> {
          if (b.size() != units) {
            throw new IllegalArgumentException(
                "layer " + number + ": bias must have " + units + " values, has " + b.size());
          }
        });
  }

  /** A layer with a built-in activation and without dropout. */
  public DenseLayer(
      int number,
      String name,
      int units,
      int inputs,
      Activation activation,
      double activationParameter,
      Optional<Matrix> weights,
      Optional<Vector> bias,
      Span span) {
    this(
        number,
        name,
        units,
        inputs,
        activation,
        activationParameter,
        0,
        weights,
        bias,
        span,
        Optional.empty());
  }

  /** The activation's name in the language: {@code tanh}, or the declared {@code swish}. */
  public String activationName() {
    return declared.map(ActivationCall::name).orElse(activation.dslName());
  }

  /** The same layer with other weights and bias (trained ones, say). */
  public DenseLayer withParameters(Optional<Matrix> weights, Optional<Vector> bias) {
    return new DenseLayer(
        number,
        name,
        units,
        inputs,
        activation,
        activationParameter,
        dropout,
        weights,
        bias,
        span,
        declared);
  }

  /** True if training drops some of the layer's outputs (a {@code dropout} rate above 0). */
  public boolean hasDropout() {
    return dropout > 0;
  }

  /** Number of weights, units * inputs. */
  public long weightCount() {
    return (long) units * inputs;
  }

  @Override
  public Shape output() {
    return Shape.flat(units);
  }

  @Override
  public long parameterCount() {
    return weightCount() + units;
  }
}
