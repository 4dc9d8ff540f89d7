package dev.netc.benchmarks;

import java.util.List;

/**
 * The four workloads of docs/performance.md. Each has a {@code .nn} file in {@code src/main/netc}
 * with a double and a float network ({@code W1Double}, {@code W1Float}, ...), all with
 * cross-entropy over a softmax output, {@code xavier(seed = 1)} and plain {@code sgd(rate = 0.01)}.
 */
public enum Workload {
  /** 4 -> 8 tanh -> 3 softmax (Iris-sized). */
  W1(4, List.of(8, 3), List.of(Activation.TANH, Activation.SOFTMAX)),
  /** 64 -> 32 tanh -> 10 softmax (digits-sized). */
  W2(64, List.of(32, 10), List.of(Activation.TANH, Activation.SOFTMAX)),
  /** 784 -> 128 sigmoid -> 10 softmax (MNIST-sized). */
  W3(784, List.of(128, 10), List.of(Activation.SIGMOID, Activation.SOFTMAX)),
  /** 256 -> 1024 relu -> 1024 relu -> 10 softmax (wide). */
  W4(256, List.of(1024, 1024, 10), List.of(Activation.RELU, Activation.RELU, Activation.SOFTMAX));

  /** The learning rate of every workload's {@code sgd}. */
  public static final double RATE = 0.01;

  private final int inputSize;
  private final List<Integer> units;
  private final List<Activation> activations;

  Workload(int inputSize, List<Integer> units, List<Activation> activations) {
    this.inputSize = inputSize;
    this.units = units;
    this.activations = activations;
  }

  /** Width of the input. */
  public int inputSize() {
    return inputSize;
  }

  /** Units of each dense layer, in order. */
  List<Integer> units() {
    return units;
  }

  /** Activation of each dense layer, in order. */
  List<Activation> activations() {
    return activations;
  }

  /** Number of dense layers. */
  public int layerCount() {
    return units.size();
  }

  /** Width of the output. */
  public int outputSize() {
    return units.get(units.size() - 1);
  }

  /** Width of the layer below dense layer {@code l} (0-based): the input for l = 0. */
  int below(int l) {
    return l == 0 ? inputSize : units.get(l - 1);
  }

  /** Number of weights (not biases) of all layers. */
  public long weightCount() {
    long count = 0;
    for (int l = 0; l < units.size(); l++) {
      count += (long) units.get(l) * below(l);
    }
    return count;
  }

  /**
   * The topology as in {@code NetworkSpec.topology()}, for example {@code 4 -> 8 tanh -> 3
   * softmax}.
   */
  public String topology() {
    StringBuilder text = new StringBuilder().append(inputSize);
    for (int l = 0; l < units.size(); l++) {
      text.append(" -> ").append(units.get(l)).append(' ').append(activations.get(l).dslName());
    }
    return text.toString();
  }
}
