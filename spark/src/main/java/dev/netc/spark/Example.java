package dev.netc.spark;

import java.io.Serializable;

/**
 * One example read from a row: the network's input and its target.
 *
 * @param features the input, as wide as the network's
 * @param target the target, as wide as the network's output (one-hot for a class)
 * @param held true for a validation row chosen by the validation indicator column
 */
record Example(double[] features, double[] target, boolean held) implements Serializable {}
