package dev.netc.runtime.network;

/**
 * A live view of one parameter array (or of its gradient, or optimizer state) of a network, in the
 * orientation of the language: a weight matrix has one row per unit of its layer and one column per
 * unit of the layer below, and index {@code i * cols + j} is {@code W[i][j]}, however the generated
 * class stores it. A vector (bias) has {@code cols() == 1}.
 */
public interface ParameterTensor {

  /** For example {@code hidden.weights}, {@code layer2.bias}, {@code layer1.weights.velocity}. */
  String name();

  /** Number of rows (units of the layer). */
  int rows();

  /** Number of columns (units of the layer below), 1 for a vector. */
  int cols();

  /** True for a bias-shaped (one-dimensional) tensor. */
  boolean isVector();

  /** {@code rows() * cols()}. */
  default int size() {
    return rows() * cols();
  }

  /** Value at row-major index {@code index}. */
  double get(int index);

  /** Sets the value at row-major index {@code index} (rounded to float in a float network). */
  void set(int index, double value);

  /** Value at {@code [row][col]}. */
  default double get(int row, int col) {
    return get(row * cols() + col);
  }

  /** Sets the value at {@code [row][col]}. */
  default void set(int row, int col, double value) {
    set(row * cols() + col, value);
  }

  /** Copies the values out, row-major. */
  default double[] toArray() {
    double[] values = new double[size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = get(i);
    }
    return values;
  }

  /** Copies {@code values} in, row-major. */
  default void setAll(double[] values) {
    if (values.length != size()) {
      throw new IllegalArgumentException(
          name() + ": expected " + size() + " values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      set(i, values[i]);
    }
  }
}
