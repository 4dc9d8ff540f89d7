package dev.netc.benchmarks;

/**
 * The one place that counts arithmetic for the GFLOP/s columns of docs/performance.md.
 *
 * <p>Only the multiply-adds over weight matrices are counted (biases, activations, softmax and the
 * loss are O(units) and ignored); one multiply-add is 2 FLOP. For a layer with {@code n} units over
 * {@code m} inputs ({@code n * m} weights), per example:
 *
 * <ul>
 *   <li>forward {@code z = W x + b}: {@code n * m};
 *   <li>backward: the weight gradient {@code dW += delta x^T}: {@code n * m}; and, for every layer
 *       but the first, the delta of the layer below {@code W^T delta}: {@code n * m};
 *   <li>update {@code W -= rate * dW}: {@code n * m} per step, so {@code n * m / b} per example for
 *       a mini-batch of {@code b} examples.
 * </ul>
 *
 * For W3 (784-128-10, 101,632 weights) a stochastic step is 101,632 (forward) + 101,632 + 1,280
 * (backward) + 101,632 (update) = 306,176 multiply-adds, 0.61 MFLOP.
 */
public final class FlopCount {
  private FlopCount() {}

  /** Multiply-adds of one forward pass (prediction of one example). */
  public static long forwardMultiplyAdds(Workload w) {
    return w.weightCount();
  }

  /** Multiply-adds of one backward pass: weight gradients plus the deltas of layers 2..L. */
  public static long backwardMultiplyAdds(Workload w) {
    long firstLayer = (long) w.units().get(0) * w.inputSize();
    return w.weightCount() + (w.weightCount() - firstLayer);
  }

  /** Multiply-adds per example of training in steps of {@code batch} examples. */
  public static double trainingMultiplyAddsPerExample(Workload w, int batch) {
    return forwardMultiplyAdds(w) + backwardMultiplyAdds(w) + (double) w.weightCount() / batch;
  }

  /** FLOP per example (2 per multiply-add) of training in steps of {@code batch} examples. */
  public static double trainingFlopPerExample(Workload w, int batch) {
    return 2.0 * trainingMultiplyAddsPerExample(w, batch);
  }

  /** FLOP per example (2 per multiply-add) of prediction. */
  public static double predictionFlopPerExample(Workload w) {
    return 2.0 * forwardMultiplyAdds(w);
  }

  /**
   * GFLOP/s achieved at {@code examplesPerSecond} when each example costs {@code flopPerExample}.
   */
  public static double gigaflops(double examplesPerSecond, double flopPerExample) {
    return examplesPerSecond * flopPerExample / 1e9;
  }
}
