package dev.netc.grammar.model;

/**
 * One layer statement of a network, checked. Layers are numbered in file order from 1 ({@code x0}
 * is the input); feature layers ({@code conv}, {@code maxpool}, {@code avgpool}) come before the
 * dense layers, the last dense layer is the output layer.
 */
public sealed interface Layer permits DenseLayer, FeatureLayer {

  /** Position among the network's layers, from 1. */
  int number();

  /** The {@code as NAME} name, else {@code layer<number>}. */
  String name();

  /** The shape of the layer's output. */
  Shape output();

  /** Weights and biases of the layer. */
  long parameterCount();

  /** Where the statement is in the file. */
  Span span();
}
