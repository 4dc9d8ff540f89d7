package dev.netc.generator.plan;

import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Shape;
import dev.netc.grammar.model.Window;

/**
 * The decisions for one convolution or pooling layer: its methods ({@code forward<l>}, {@code
 * backward<l>}, {@code step<l>}) are each one loop nest over the output positions, with constant
 * bounds; the window's zero padding is handled by the bounds of the loops over (ky, kx), never by a
 * padded copy.
 */
public sealed interface FeaturePlan extends ActivatedLayer permits ConvPlan, PoolPlan {

  /** The layer of the model. */
  FeatureLayer layer();

  /** True if the loops over (ky, kx) are written out, one block per window position. */
  boolean unrolled();

  /** True if the layer propagates a delta to the layer below (false over the input). */
  boolean propagates();

  @Override
  default int number() {
    return layer().number();
  }

  /** The input shape. */
  default Shape input() {
    return layer().input();
  }

  /** The output shape. */
  default Shape output() {
    return layer().output();
  }

  /** The window. */
  default Window window() {
    return layer().window();
  }

  @Override
  default int outputSize() {
    return Math.toIntExact(output().size());
  }
}
