package dev.netc.grammar.model;

/**
 * The shape of a tensor between layers: height x width x channels (HWC). Element (y, x, c) is at
 * index {@code (y * width + x) * channels + c} of the flat array, row-major; a dense layer reads
 * its input in that order. {@code input 784;} is the flat shape 1 x 1 x 784.
 *
 * @param height rows, at least 1
 * @param width columns, at least 1
 * @param channels values per position, at least 1
 */
public record Shape(int height, int width, int channels) {

  public Shape {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException(
          "shape sizes must be > 0: " + height + " x " + width + " x " + channels);
    }
  }

  /** The shape of a flat vector of {@code size} values: 1 x 1 x size. */
  public static Shape flat(int size) {
    return new Shape(1, 1, size);
  }

  /** True for 1 x 1 x C, a plain vector. */
  public boolean isFlat() {
    return height == 1 && width == 1;
  }

  /** Number of values, height * width * channels. */
  public long size() {
    return (long) height * width * channels;
  }

  /** The flat index of element (y, x, c). */
  public int index(int y, int x, int c) {
    return (y * width + x) * channels + c;
  }

  /** {@code 28 x 28 x 1}, as the language writes it. */
  @Override
  public String toString() {
    return height + " x " + width + " x " + channels;
  }
}
