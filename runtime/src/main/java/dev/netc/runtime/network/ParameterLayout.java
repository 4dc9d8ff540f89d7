package dev.netc.runtime.network;

import java.util.List;

/**
 * Which view of {@link CompiledNetwork#parameters()} (and of {@link CompiledNetwork#gradients()},
 * in the same order) is which layer's weights or bias: the layers with parameters in order
 * (convolution layers, then dense layers), for each the weights then the bias. Pooling layers have
 * none. The language numbers every layer statement from 1 and the generated code names the arrays
 * after that number ({@code w1}, {@code b1}); among the views, a layer's place is its ordinal among
 * the layers with parameters, which this class alone computes from the {@link NetworkSpec}.
 */
public final class ParameterLayout {
  private ParameterLayout() {}

  /**
   * The ordinal (from 1) among the layers with parameters of layer number {@code layer} (counting
   * every layer statement from 1).
   *
   * @throws IllegalArgumentException if there is no such layer or it has no parameters
   */
  public static int ordinal(NetworkSpec spec, int layer) {
    int count = spec.features().size() + spec.layers().size();
    if (layer < 1 || layer > count) {
      throw new IllegalArgumentException(
          spec.name() + " has layers 1 to " + count + ", not layer " + layer);
    }
    int ordinal = 0;
    for (int k = 0; k < layer; k++) {
      if (k >= spec.features().size() || spec.features().get(k).hasParameters()) {
        ordinal++;
      } else if (k == layer - 1) {
        NetworkSpec.FeatureSpec pool = spec.features().get(k);
        throw new IllegalArgumentException(
            spec.name()
                + ": layer "
                + layer
                + " ("
                + pool.description()
                + ") has no parameters; weights and biases belong to conv and dense layers");
      }
    }
    return ordinal;
  }

  /** Index of the weights of the {@code ordinal}-th layer with parameters among the views. */
  public static int weightsIndex(int ordinal) {
    checkOrdinal(ordinal);
    return 2 * (ordinal - 1);
  }

  /** Index of the bias of the {@code ordinal}-th layer with parameters among the views. */
  public static int biasIndex(int ordinal) {
    checkOrdinal(ordinal);
    return 2 * (ordinal - 1) + 1;
  }

  /** The number of layers whose parameters {@code views} holds. */
  public static int layers(List<ParameterTensor> views) {
    return views.size() / 2;
  }

  /** The weights of the {@code ordinal}-th layer with parameters (units x inputs). */
  public static ParameterTensor weights(List<ParameterTensor> views, int ordinal) {
    return views.get(weightsIndex(ordinal));
  }

  /** The bias of the {@code ordinal}-th layer with parameters. */
  public static ParameterTensor bias(List<ParameterTensor> views, int ordinal) {
    return views.get(biasIndex(ordinal));
  }

  private static void checkOrdinal(int ordinal) {
    if (ordinal < 1) {
      throw new IllegalArgumentException("layers are numbered from 1: " + ordinal);
    }
  }
}
