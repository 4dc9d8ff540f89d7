package dev.netc.generator.plan;

import dev.netc.grammar.model.DenseLayer;

/**
 * The decisions for one dense layer: its code shape, its storage, and the names of its arrays in the
 * generated class (the notes' notation: {@code w1}, {@code b1}, {@code z1}, {@code x1}, {@code
 * delta1}, gradients {@code dw1}, {@code db1}).
 *
 * @param layer the layer of the model
 * @param shape unrolled or looped
 */
public record LayerPlan(DenseLayer layer, CodeShape shape) {

  /** The layer's number, counting dense layers from 1. */
  public int number() {
    return layer.number();
  }

  /** Units of this layer (rows of W). */
  public int units() {
    return layer.units();
  }

  /** Units of the layer below (columns of W). */
  public int inputs() {
    return layer.inputs();
  }

  /** Number of weights. */
  public int weightCount() {
    return layer.units() * layer.inputs();
  }

  /** True if W is stored transposed (looped layers). */
  public boolean transposed() {
    return shape == CodeShape.LOOPED;
  }

  /** Index of W[i][j] in the weight array. */
  public int weightIndex(int i, int j) {
    return transposed() ? j * units() + i : i * inputs() + j;
  }

  /** Name of a per-layer array: {@code name("w")} is {@code w1}. */
  public String name(String prefix) {
    return prefix + number();
  }

  /** Name of an array of the layer below: {@code below("x")} is {@code x0} for layer 1. */
  public String below(String prefix) {
    return prefix + (number() - 1);
  }
}
