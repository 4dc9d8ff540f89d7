package dev.netc.spark;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.io.Serializable;
import java.util.List;

/**
 * The parameters of a network, with its optimizer state and step count when training needs them, as
 * plain arrays that Spark can broadcast and return from tasks. Tensors are in the order of {@link
 * CompiledNetwork#parameters()} and {@link CompiledNetwork#optimizerState()}, each row-major in the
 * language's orientation.
 */
final class NetworkSnapshot implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String className;
  private final double[][] parameters;

  /** Empty when only the parameters were captured. */
  private final double[][] optimizerState;

  private final long optimizerSteps;

  NetworkSnapshot(
      String className, double[][] parameters, double[][] optimizerState, long optimizerSteps) {
    this.className = className;
    this.parameters = parameters;
    this.optimizerState = optimizerState;
    this.optimizerSteps = optimizerSteps;
  }

  /** The parameters of {@code net} (and its optimizer state and step count if {@code full}). */
  static NetworkSnapshot capture(CompiledNetwork net, boolean full) {
    return new NetworkSnapshot(
        net.getClass().getName(),
        values(net.parameters()),
        full ? values(net.optimizerState()) : new double[0][],
        net.optimizerSteps());
  }

  static double[][] values(List<ParameterTensor> tensors) {
    double[][] values = new double[tensors.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = tensors.get(i).toArray();
    }
    return values;
  }

  static void setValues(List<ParameterTensor> tensors, double[][] values) {
    for (int i = 0; i < values.length; i++) {
      tensors.get(i).setAll(values[i]);
    }
  }

  String className() {
    return className;
  }

  double[][] parameters() {
    return parameters;
  }

  double[][] optimizerState() {
    return optimizerState;
  }

  long optimizerSteps() {
    return optimizerSteps;
  }

  /** Sets {@code net}'s parameters (and optimizer state and steps, if captured). */
  void restore(CompiledNetwork net) {
    setValues(net.parameters(), parameters);
    if (optimizerState.length > 0) {
      setValues(net.optimizerState(), optimizerState);
    }
    net.setOptimizerSteps(optimizerSteps);
  }

  /** A new instance of the network class holding these values. */
  CompiledNetwork newNetwork() {
    CompiledNetwork net = NetworkClasses.instantiate(className);
    restore(net);
    return net;
  }
}
