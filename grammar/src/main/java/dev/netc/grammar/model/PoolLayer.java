package dev.netc.grammar.model;

/**
 * One {@code maxpool} or {@code avgpool} statement, checked: each channel on its own, the maximum
 * or the mean of each window position (valid padding; the stride defaults to the window). No
 * parameters.
 *
 * <pre>
 * x[l](y, x, c) = max (or mean) over ky, kx of x[l-1](y * sy + ky, x * sx + kx, c)
 * </pre>
 *
 * @param number position among the network's layers, from 1
 * @param name {@code layer<number>}
 * @param kind max or average
 * @param input the input shape
 * @param window the window, strides, and valid padding
 * @param span where the statement is in the file
 */
public record PoolLayer(int number, String name, Kind kind, Shape input, Window window, Span span)
    implements FeatureLayer {

  /** Which pooling. */
  public enum Kind {
    /** The largest value of the window; the gradient goes to the first largest. */
    MAX("maxpool"),
    /** The mean of the window. */
    AVERAGE("avgpool");

    private final String dslName;

    Kind(String dslName) {
      this.dslName = dslName;
    }

    /** The statement's keyword. */
    public String dslName() {
      return dslName;
    }
  }

  public PoolLayer {
    if (number < 1) {
      throw new IllegalArgumentException("layer number must be > 0: " + number);
    }
    if (window.padding() != Padding.VALID || !window.fits(input)) {
      throw new IllegalArgumentException(
          "layer " + number + ": window " + window + " does not fit input " + input);
    }
  }

  @Override
  public Shape output() {
    return new Shape(
        window.outputHeight(input.height()), window.outputWidth(input.width()), input.channels());
  }

  @Override
  public long parameterCount() {
    return 0;
  }

  @Override
  public String describe() {
    return kind.dslName() + " " + window.size();
  }
}
