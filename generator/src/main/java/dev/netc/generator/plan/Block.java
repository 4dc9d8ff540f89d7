package dev.netc.generator.plan;

/**
 * One equation of a layer's pass: the unit of a generated method's body, and the boundary at which
 * a method is split. Each block has entries (the statements of its unrolled form, in order); a
 * block too large for one method is split between entries.
 */
public enum Block {
  /** {@code z = W x + b}; entry i is unit i. */
  FORWARD_SUM,
  /**
   * {@code x = f(z)}, elementwise; entry i is unit i. A softmax output is no block of its layer's
   * method but a method of its own ({@link NetworkPlan#softmaxOutput}).
   */
  ACTIVATION,
  /** {@code dW += delta x^T}; entry k is weight k, row-major. */
  WEIGHT_GRADIENT,
  /** {@code db += delta}; entry i is unit i. */
  BIAS_GRADIENT,
  /** {@code delta below = (W^T delta) * f'(z below)}; entry j is input j. */
  PROPAGATE,
  /**
   * The fused step's update of W from {@code g = delta x^T}; entry k is weight k, row-major. In a
   * looped layer with a layer below, the same pass over W also propagates delta (with the old
   * weights, before each column changes).
   */
  WEIGHT_STEP,
  /** The fused step's update of b from {@code g = delta}; entry i is unit i. */
  BIAS_STEP
}
