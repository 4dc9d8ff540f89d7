package dev.netc.benchmarks.vector;

import dev.netc.runtime.network.CompiledNetwork;

/** The methods of the hand-written Vector API forms of W3 that the benchmark times. */
public interface VectorW3 {
  /** One row's prediction. */
  void predict(double[] input, double[] output);

  /** Predictions of rows {@code from} to {@code to - 1}, in blocks of rows. */
  void predict(double[][] inputs, int from, int to, double[][] outputs);

  /** The summed loss of rows {@code from} to {@code to - 1}; their gradients are accumulated. */
  double accumulateGradient(double[][] inputs, double[][] targets, int from, int to);

  /** The sgd step with the accumulated gradient times {@code scale}; the gradient is cleared. */
  void applyGradient(double scale);

  /**
   * A copy of a generated W3 class's parameters in the Vector API form of its precision.
   *
   * @param source {@code W3Double} or {@code W3Float}
   * @param precision {@code "double"} or {@code "float"}
   */
  static VectorW3 of(CompiledNetwork source, String precision) {
    return "float".equals(precision) ? new VectorW3Float(source) : new VectorW3Double(source);
  }
}
