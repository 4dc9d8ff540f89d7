package dev.netc.grammar.model;

import java.util.Arrays;

/**
 * An immutable matrix of doubles, row-major: {@code get(i, j)} is row i, column j. Explicit weights
 * of a layer are a matrix with one row per unit of the layer and one column per unit below.
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] values;

  private Matrix(int rows, int cols, double[] values) {
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  /** A matrix from row-major values (copied). */
  public static Matrix of(int rows, int cols, double[] rowMajor) {
    if (rows < 0 || cols < 0 || (long) rows * cols != rowMajor.length) {
      throw new IllegalArgumentException(
          "a "
              + rows
              + "x"
              + cols
              + " matrix needs "
              + (long) rows * cols
              + " values, got "
              + rowMajor.length);
    }
    return new Matrix(rows, cols, rowMajor.clone());
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of columns. */
  public int cols() {
    return cols;
  }

  /** The value at row {@code i}, column {@code j}. */
  public double get(int i, int j) {
    return values[i * cols + j];
  }

  /** A copy of the values, row-major. */
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Matrix m
        && m.rows == rows
        && m.cols == cols
        && Arrays.equals(m.values, values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + "x" + cols + "]";
  }
}
