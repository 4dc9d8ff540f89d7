package dev.netc.runtime.metrics;

/**
 * The result of evaluating a network on a dataset: {@link ClassificationMetrics} or {@link
 * RegressionMetrics}.
 */
public sealed interface Metrics permits ClassificationMetrics, RegressionMetrics {

  /** Number of examples evaluated. */
  int examples();

  /** Mean loss per example, under the network's own loss. */
  double loss();

  /** The metrics as an aligned text table, ending with a newline. */
  String toTable();
}
