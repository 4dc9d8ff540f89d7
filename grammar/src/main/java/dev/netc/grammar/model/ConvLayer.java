package dev.netc.grammar.model;

import java.util.Optional;

/**
 * One {@code conv} statement, checked: {@code filters} filters of {@code window} over the input,
 * then the activation. With P the padded input and layer number l,
 *
 * <pre>
 * z[l](y, x, f) = b[l](f) + sum over ky, kx, c of W[l](f, ky, kx, c) * P(y * sy + ky, x * sx + kx, c)
 * x[l] = f(z[l])
 * </pre>
 *
 * <p>W[l] has one row per filter, {@code kh * kw * channels} values in (ky, kx, c) order: the
 * weight of filter f at (ky, kx, c) is {@code weights.get(f, (ky * kw + kx) * channels + c)}.
 *
 * @param number position among the network's layers, from 1
 * @param name the {@code as NAME} name, else {@code layer<number>}
 * @param input the input shape
 * @param filters number of filters, the output's channels, at least 1
 * @param window the window (KH x KW), stride (the same on both axes) and padding
 * @param activation the activation f (never softmax)
 * @param activationParameter the activation's parameter, or NaN for activations without one
 * @param dropout the {@code dropout(r)} rate applied to the layer's output while training, 0 for
 *     none; in [0, 1)
 * @param weights explicit weights from the layer body, filters x (kh * kw * channels)
 * @param bias explicit bias from the layer body, one value per filter
 * @param span where the {@code conv} statement is in the file
 * @param declared the declared activation with its arguments' values, if {@code activation} is
 *     {@link Activation#DECLARED}
 */
public record ConvLayer(
    int number,
    String name,
    Shape input,
    int filters,
    Window window,
    Activation activation,
    double activationParameter,
    double dropout,
    Optional<Matrix> weights,
    Optional<Vector> bias,
    Span span,
    Optional<ActivationCall> declared)
    implements FeatureLayer {

  public ConvLayer {
    if (number < 1 || filters < 1) {
      throw new IllegalArgumentException("layer " + number + ": filters must be > 0: " + filters);
    }
    if (!window.fits(input)) {
      throw new IllegalArgumentException(
          "layer " + number + ": window " + window.size() + " does not fit input " + input);
    }
    if ((activation == Activation.DECLARED) != declared.isPresent()) {
      throw new IllegalArgumentException(
          "layer " + number + ": a declared activation needs its call, and only it: " + declared);
    }
    if (activation.hasParameter() == Double.isNaN(activationParameter)) {
      throw new IllegalArgumentException(
          "layer " + number + ": parameter " + activationParameter + " for " + activation);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException(
          "layer " + number + ": dropout must be in [0, 1): " + dropout);
    }
    long cols = (long) window.height() * window.width() * input.channels();
    weights.ifPresent(
        w -> {
          if (w.rows() != filters || w.cols() != cols) {
            throw new IllegalArgumentException(
                "layer " + number + ": weights must be " + filters + "x" + cols + ", are " + w);
          }
        });
    bias.ifPresent(
        b -> {
          if (b.size() != filters) {
            throw new IllegalArgumentException(
                "layer " + number + ": bias must have " + filters + " values, has " + b.size());
          }
        });
  }

  @Override
  public Shape output() {
    return new Shape(
        window.outputHeight(input.height()), window.outputWidth(input.width()), filters);
  }

  /** Weights of one filter: kh * kw * input channels; also the init's fan-in. */
  public int fanIn() {
    return window.height() * window.width() * input.channels();
  }

  /** The init's fan-out: kh * kw * filters. */
  public int fanOut() {
    return window.height() * window.width() * filters;
  }

  /** Number of weights, filters * kh * kw * input channels. */
  public long weightCount() {
    return (long) filters * fanIn();
  }

  @Override
  public long parameterCount() {
    return weightCount() + filters;
  }

  /** The activation's name: the built-in's, or the declared activation's. */
  public String activationName() {
    return declared.map(ActivationCall::name).orElse(activation.dslName());
  }

  @Override
  public String describe() {
    return "conv " + filters + " " + window.size() + " " + activationName();
  }
}
