package dev.netc.generator.plan;

import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.PoolLayer;

/**
 * The decisions for one pooling layer. Max pooling keeps, per output value, the flat index of the
 * input value it took (the first largest of the window) in the preallocated {@code int} array
 * {@code arg<l>}, through which the backward pass routes the delta.
 *
 * @param layer the layer of the model
 * @param unrolled true if the loops over (ky, kx) are written out
 * @param propagates true if the layer computes the delta of the layer below
 */
public record PoolPlan(PoolLayer layer, boolean unrolled, boolean propagates)
    implements FeaturePlan {

  /** Pooling has no activation: the layer above multiplies by f' = 1. */
  @Override
  public Activation activation() {
    return Activation.LINEAR;
  }

  @Override
  public double activationParameter() {
    return Double.NaN;
  }

  /** True for max pooling. */
  public boolean isMax() {
    return layer.kind() == PoolLayer.Kind.MAX;
  }
}
