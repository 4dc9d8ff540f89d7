package dev.netc.cli;

import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.CompiledNetwork;

/**
 * Random examples that fit a network, for {@code gradcheck} and {@code bench}: standard normal
 * inputs, and targets the loss accepts (one-hot for cross_entropy, values in (0, 1) for
 * binary_cross_entropy, standard normal otherwise).
 */
final class RandomData {
  private RandomData() {}

  static double[][] inputs(CompiledNetwork network, int count, NetcRandom random) {
    double[][] inputs = new double[count][network.inputSize()];
    for (double[] input : inputs) {
      for (int i = 0; i < input.length; i++) {
        input[i] = random.nextGaussian();
      }
    }
    return inputs;
  }

  static double[][] targets(CompiledNetwork network, int count, NetcRandom random) {
    int width = network.outputSize();
    String loss = network.spec().loss();
    double[][] targets = new double[count][width];
    for (double[] target : targets) {
      switch (loss) {
        case "cross_entropy" -> target[(int) (random.nextDouble() * width)] = 1;
        case "binary_cross_entropy" -> {
          for (int k = 0; k < width; k++) {
            target[k] = random.nextDouble(0.05, 0.95);
          }
        }
        default -> {
          for (int k = 0; k < width; k++) {
            target[k] = random.nextGaussian();
          }
        }
      }
    }
    return targets;
  }
}
