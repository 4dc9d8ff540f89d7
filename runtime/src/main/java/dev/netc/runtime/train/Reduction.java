package dev.netc.runtime.train;

/**
 * How a step's summed gradient is scaled before the optimizer sees it. The loss reported per epoch
 * is always the mean per example, whatever the reduction.
 */
public enum Reduction {
  /** The gradient of a step is the sum over its examples (the language's default). */
  SUM,
  /** The gradient of a step is the mean over its examples (an {@code l2} term stays undivided). */
  MEAN;

  /** The {@code scale} to pass to {@code applyGradient} for a step of {@code examples} examples. */
  public double scale(int examples) {
    return this == SUM ? 1.0 : 1.0 / examples;
  }
}
