package dev.netc.grammar.model;

/**
 * The window of a convolution or pooling layer, where it moves and how the border is treated: the
 * one place that turns an input shape into an output shape and padding.
 *
 * @param height rows of the window (KH), at least 1
 * @param width columns of the window (KW), at least 1
 * @param strideY rows the window moves per output row, at least 1
 * @param strideX columns the window moves per output column, at least 1
 * @param padding valid or same
 */
public record Window(int height, int width, int strideY, int strideX, Padding padding) {

  public Window {
    if (height < 1 || width < 1 || strideY < 1 || strideX < 1) {
      throw new IllegalArgumentException(
          "window and strides must be > 0: "
              + height
              + "x"
              + width
              + ", "
              + strideY
              + ", "
              + strideX);
    }
  }

  /** Output rows for {@code inputHeight} input rows (at least 1 if {@link #fits}). */
  public int outputHeight(int inputHeight) {
    return output(inputHeight, height, strideY);
  }

  /** Output columns for {@code inputWidth} input columns (at least 1 if {@link #fits}). */
  public int outputWidth(int inputWidth) {
    return output(inputWidth, width, strideX);
  }

  private int output(int in, int k, int stride) {
    return padding == Padding.SAME ? (in + stride - 1) / stride : (in - k) / stride + 1;
  }

  /** Zero rows added above the input (0 for valid padding). */
  public int padTop(int inputHeight) {
    return totalPadding(inputHeight, height, strideY) / 2;
  }

  /** Zero columns added left of the input (0 for valid padding). */
  public int padLeft(int inputWidth) {
    return totalPadding(inputWidth, width, strideX) / 2;
  }

  /** Zero rows added below the input: the total's rest after {@link #padTop}. */
  public int padBottom(int inputHeight) {
    return totalPadding(inputHeight, height, strideY) - padTop(inputHeight);
  }

  /** Zero columns added right of the input: the total's rest after {@link #padLeft}. */
  public int padRight(int inputWidth) {
    return totalPadding(inputWidth, width, strideX) - padLeft(inputWidth);
  }

  private int totalPadding(int in, int k, int stride) {
    if (padding == Padding.VALID) {
      return 0;
    }
    return Math.max((output(in, k, stride) - 1) * stride + k - in, 0);
  }

  /** True if the window fits inside {@code input} (always with same padding). */
  public boolean fits(Shape input) {
    return padding == Padding.SAME || (height <= input.height() && width <= input.width());
  }

  /**
   * True if the window's positions cover the input exactly: with valid padding, (in - k) is a
   * multiple of the stride on both axes, so no last row or column is left out; always with same
   * padding.
   */
  public boolean divides(Shape input) {
    return padding == Padding.SAME
        || ((input.height() - height) % strideY == 0 && (input.width() - width) % strideX == 0);
  }

  /** {@code 5x5}, as the language writes a window. */
  public String size() {
    return height + "x" + width;
  }
}
