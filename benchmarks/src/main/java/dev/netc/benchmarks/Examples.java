package dev.netc.benchmarks;

import java.util.SplittableRandom;

/**
 * The benchmark's data: {@link #COUNT} examples with inputs uniform in [-1, 1) and one-hot targets,
 * the same for every implementation of a workload (fixed seed). Small enough to stay in cache, so
 * the figures measure the network, not the data loading.
 */
public final class Examples {
  /** Examples per benchmark invocation, and the size of a mini-batch. */
  public static final int COUNT = 32;

  private final double[][] inputs;
  private final double[][] targets;

  private Examples(double[][] inputs, double[][] targets) {
    this.inputs = inputs;
    this.targets = targets;
  }

  /** The examples of {@code workload}. */
  public static Examples of(Workload workload) {
    SplittableRandom random = new SplittableRandom(42 + workload.ordinal());
    double[][] inputs = new double[COUNT][workload.inputSize()];
    double[][] targets = new double[COUNT][workload.outputSize()];
    for (int e = 0; e < COUNT; e++) {
      for (int j = 0; j < workload.inputSize(); j++) {
        inputs[e][j] = random.nextDouble(-1.0, 1.0);
      }
      targets[e][random.nextInt(workload.outputSize())] = 1.0;
    }
    return new Examples(inputs, targets);
  }

  /** Input of example {@code e}. */
  public double[] input(int e) {
    return inputs[e];
  }

  /** One-hot target of example {@code e}. */
  public double[] target(int e) {
    return targets[e];
  }

  /** All inputs (live arrays). */
  double[][] inputs() {
    return inputs;
  }

  /** All targets (live arrays). */
  double[][] targets() {
    return targets;
  }
}
