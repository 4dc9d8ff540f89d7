package dev.netc.runtime.train;

import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of what a network's future training depends on: parameters, optionally the optimizer
 * state, the step count and the hyper-parameters. Used to keep the last good and the best
 * parameters, and in checkpoints ({@link Checkpoint}).
 */
public final class NetworkState {
  /** Tensor name to values, in the network's order: parameters, then optimizer state. */
  final Map<String, double[]> tensors;

  final long steps;
  final Map<String, Double> hyperparameters;

  /** True if this holds the optimizer state, steps and hyper-parameters too. */
  final boolean full;

  NetworkState(
      Map<String, double[]> tensors,
      long steps,
      Map<String, Double> hyperparameters,
      boolean full) {
    this.tensors = tensors;
    this.full = full;
    this.steps = steps;
    this.hyperparameters = hyperparameters;
  }

  /** Parameters only (for the best epoch under early stopping). */
  public static NetworkState parameters(CompiledNetwork net) {
    return new NetworkState(
        copy(net.parameters(), new LinkedHashMap<>()),
        net.optimizerSteps(),
        hyperparameters(net),
        false);
  }

  /** Parameters, optimizer state, step count and hyper-parameters. */
  public static NetworkState full(CompiledNetwork net) {
    Map<String, double[]> tensors = copy(net.parameters(), new LinkedHashMap<>());
    copy(net.optimizerState(), tensors);
    return new NetworkState(tensors, net.optimizerSteps(), hyperparameters(net), true);
  }

  private static Map<String, double[]> copy(List<ParameterTensor> from, Map<String, double[]> to) {
    for (ParameterTensor t : from) {
      to.put(t.name(), t.toArray());
    }
    return to;
  }

  private static Map<String, Double> hyperparameters(CompiledNetwork net) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String name : net.hyperparameterNames()) {
      values.put(name, net.hyperparameter(name));
    }
    return values;
  }

  /** Names of the network's tensors this state lacks or has with another size (empty: it fits). */
  List<String> mismatches(CompiledNetwork net, boolean withOptimizer) {
    List<String> problems = new ArrayList<>();
    List<ParameterTensor> all = new ArrayList<>(net.parameters());
    if (withOptimizer) {
      all.addAll(net.optimizerState());
    }
    for (ParameterTensor t : all) {
      double[] values = tensors.get(t.name());
      if (values == null) {
        problems.add(t.name() + " is missing");
      } else if (values.length != t.size()) {
        problems.add(t.name() + " has " + values.length + " values, expected " + t.size());
      }
    }
    return problems;
  }

  /** Sets the network's parameters (and optimizer state, steps, hyper-parameters if held). */
  public void restore(CompiledNetwork net) {
    for (ParameterTensor t : net.parameters()) {
      t.setAll(tensors.get(t.name()));
    }
    if (full) {
      for (ParameterTensor t : net.optimizerState()) {
        t.setAll(tensors.get(t.name()));
      }
      net.setOptimizerSteps(steps);
      hyperparameters.forEach(net::setHyperparameter);
    }
  }
}
