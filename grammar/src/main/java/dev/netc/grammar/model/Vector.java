package dev.netc.grammar.model;

import java.util.Arrays;

/** An immutable vector of doubles: explicit biases of a layer, one per unit. */
public final class Vector {
  private final double[] values;

  private Vector(double[] values) {
    this.values = values;
  }

  /** A vector of the given values (copied). */
  public static Vector of(double... values) {
    return new Vector(values.clone());
  }

  /** A vector of {@code size} copies of {@code value}. */
  public static Vector filled(int size, double value) {
    double[] values = new double[size];
    Arrays.fill(values, value);
    return new Vector(values);
  }

  /** Number of values. */
  public int size() {
    return values.length;
  }

  /** The value at {@code i}. */
  public double get(int i) {
    return values[i];
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vector v && Arrays.equals(v.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Vector[" + values.length + "]";
  }
}
