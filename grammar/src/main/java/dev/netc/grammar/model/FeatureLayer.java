package dev.netc.grammar.model;

/**
 * A layer that slides a window over an H x W x C input and keeps that layout: a convolution or a
 * pooling layer. Its output has {@code window().outputHeight(input.height())} rows and {@code
 * window().outputWidth(input.width())} columns.
 */
public sealed interface FeatureLayer extends Layer permits ConvLayer, PoolLayer {

  /** The shape of the layer's input (the network's input, or the layer below's output). */
  Shape input();

  /** The window, its strides and padding. */
  Window window();

  /**
   * The language's words for the layer, for messages: {@code conv 6 5x5 relu}, {@code maxpool 2x2}.
   */
  String describe();
}
