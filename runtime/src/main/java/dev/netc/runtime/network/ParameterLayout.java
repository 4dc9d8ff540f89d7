package dev.netc.runtime.network;

import java.util.List;

/**
 * Which view of {@link CompiledNetwork#parameters()} (and of {@link CompiledNetwork#gradients()},
 * in the same order) is which layer's weights or bias: layer by layer, the weights then the bias.
 * Layers are numbered from 1, as the language counts {@code dense} statements and as the generated
 * code names their arrays ({@code w1}, {@code b1}).
 */
public final class ParameterLayout {
  private ParameterLayout() {}

  /** Index of layer {@code layer}'s weights among the views. */
  public static int weightsIndex(int layer) {
    checkLayer(layer);
    return 2 * (layer - 1);
  }

  /** Index of layer {@code layer}'s bias among the views. */
  public static int biasIndex(int layer) {
    checkLayer(layer);
    return 2 * (layer - 1) + 1;
  }

  /** The number of layers whose parameters {@code views} holds. */
  public static int layers(List<ParameterTensor> views) {
    return views.size() / 2;
  }

  /** Layer {@code layer}'s weights (units x inputs) among {@code views}. */
  public static ParameterTensor weights(List<ParameterTensor> views, int layer) {
    return views.get(weightsIndex(layer));
  }

  /** Layer {@code layer}'s bias (units) among {@code views}. */
  public static ParameterTensor bias(List<ParameterTensor> views, int layer) {
    return views.get(biasIndex(layer));
  }

  private static void checkLayer(int layer) {
    if (layer < 1) {
      throw new IllegalArgumentException("layers are numbered from 1: " + layer);
    }
  }
}
