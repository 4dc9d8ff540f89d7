package dev.netc.runtime.init;

import dev.netc.runtime.network.ParameterTensor;

/**
 * The {@code init} calls of the language, applied to one layer's weights and bias through their
 * views. Weights are drawn row by row ({@code W[0][0], W[0][1], ...}) in the orientation of the
 * language, from the layer's own stream ({@link NetcRandom#forLayer}), so that the values do not
 * depend on how a generated class stores them, and explicit weights on one layer leave the others
 * unchanged. Draws are made in double; a float network's views round them.
 */
public final class Initializers {
  private Initializers() {}

  /** {@code constant(weights, bias)}: every weight and every bias set to the given values. */
  public static void constant(ParameterTensor w, ParameterTensor b, double weight, double bias) {
    fill(w, weight);
    fill(b, bias);
  }

  /** {@code uniform(low, high, seed)}: weights uniform in [low, high), biases 0. */
  public static void uniform(
      ParameterTensor w, ParameterTensor b, double low, double high, long seed, int layer) {
    NetcRandom random = NetcRandom.forLayer(seed, layer);
    for (int k = 0; k < w.size(); k++) {
      w.set(k, random.nextDouble(low, high));
    }
    fill(b, 0.0);
  }

  /**
   * {@code xavier(seed)}: Glorot uniform, U(-s, s) with s = sqrt(6 / (fan_in + fan_out)), biases 0.
   * fan_in is the number of columns, fan_out the number of rows.
   */
  public static void xavier(ParameterTensor w, ParameterTensor b, long seed, int layer) {
    double s = StrictMath.sqrt(6.0 / (w.cols() + w.rows()));
    uniform(w, b, -s, s, seed, layer);
  }

  /**
   * {@code xavier(seed)} with the fans given: a convolution's fan-in is {@code kh * kw * channels}
   * (the columns of its weights), its fan-out {@code kh * kw * filters}.
   */
  public static void xavier(
      ParameterTensor w, ParameterTensor b, long seed, int layer, int fanIn, int fanOut) {
    double s = StrictMath.sqrt(6.0 / (fanIn + fanOut));
    uniform(w, b, -s, s, seed, layer);
  }

  /** {@code he(seed)}: normal with mean 0 and standard deviation sqrt(2 / fan_in), biases 0. */
  public static void he(ParameterTensor w, ParameterTensor b, long seed, int layer) {
    NetcRandom random = NetcRandom.forLayer(seed, layer);
    double sd = StrictMath.sqrt(2.0 / w.cols());
    for (int k = 0; k < w.size(); k++) {
      w.set(k, sd * random.nextGaussian());
    }
    fill(b, 0.0);
  }

  private static void fill(ParameterTensor t, double value) {
    for (int k = 0; k < t.size(); k++) {
      t.set(k, value);
    }
  }
}
