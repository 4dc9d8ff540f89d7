package dev.netc.cli;

import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.GradientCheck;
import dev.netc.runtime.network.ParameterTensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The numerical gradient check of a generated class: the gradient its backward pass accumulates
 * over a few random examples, against central differences {@code (E(w+h) - E(w-h)) / 2h} of the
 * summed loss, for every weight and bias (up to {@link #MAX_CHECKED} per tensor, evenly spread).
 * Tolerances are those of torch's {@code gradcheck} for double ({@code atol 1e-5, rtol 1e-3}); a
 * {@code float} network is checked with a larger step and float tolerances.
 *
 * <p>The runtime's {@link GradientCheck} gives one verdict for the whole network; this class keeps
 * one result per parameter tensor for the command's table, samples large tensors, and handles
 * {@code float} networks (the step actually taken is read back after rounding).
 */
final class LayerGradientCheck {
  /** At most this many entries of one tensor are checked (evenly spread over it). */
  static final int MAX_CHECKED = 2000;

  private LayerGradientCheck() {}

  /** The outcome for one parameter tensor. */
  record TensorResult(
      String name, int size, int checked, double maxAbsError, double maxRelError, boolean passed) {}

  /**
   * Checks every parameter of {@code network} (whose parameters are left as they were) on {@code
   * examples} random examples drawn from {@code seed}.
   */
  static List<TensorResult> run(CompiledNetwork network, int examples, long seed) {
    boolean isFloat = "float".equals(network.spec().precision());
    double step = isFloat ? 1e-2 : 1e-6;
    double atol = isFloat ? 1e-2 : 1e-5;
    double rtol = isFloat ? 5e-2 : 1e-3;
    NetcRandom random = new NetcRandom(seed);
    double[][] inputs = RandomData.inputs(network, examples, random);
    double[][] targets = RandomData.targets(network, examples, random);

    network.clearGradient();
    for (int e = 0; e < examples; e++) {
      network.accumulateGradient(inputs[e], targets[e]);
    }
    List<ParameterTensor> parameters = network.parameters();
    List<ParameterTensor> gradients = network.gradients();
    List<TensorResult> results = new ArrayList<>();
    for (int p = 0; p < parameters.size(); p++) {
      ParameterTensor parameter = parameters.get(p);
      ParameterTensor gradient = gradients.get(p);
      int size = parameter.size();
      int stride = Math.max(1, (size + MAX_CHECKED - 1) / MAX_CHECKED);
      int checked = 0;
      double maxAbs = 0;
      double maxRel = 0;
      boolean passed = true;
      for (int i = 0; i < size; i += stride) {
        double original = parameter.get(i);
        parameter.set(i, original + step);
        double up = parameter.get(i);
        double lossUp = totalLoss(network, inputs, targets);
        parameter.set(i, original - step);
        double down = parameter.get(i);
        double lossDown = totalLoss(network, inputs, targets);
        parameter.set(i, original);
        double numerical = (lossUp - lossDown) / (up - down);
        double analytical = gradient.get(i);
        double abs = Math.abs(numerical - analytical);
        double rel = abs / Math.max(Math.abs(numerical), 1e-7);
        maxAbs = Math.max(maxAbs, abs);
        maxRel = Math.max(maxRel, Math.abs(numerical) > 1e-7 ? rel : 0);
        if (abs > atol + rtol * Math.abs(numerical)) {
          passed = false;
        }
        checked++;
      }
      results.add(new TensorResult(parameter.name(), size, checked, maxAbs, maxRel, passed));
    }
    network.clearGradient();
    return results;
  }

  private static double totalLoss(CompiledNetwork network, double[][] inputs, double[][] targets) {
    // The runtime's objective without the l2 term: applyGradient adds that term, not the backward
    // pass checked here.
    return GradientCheck.objective(network, inputs, targets, 0);
  }
}
