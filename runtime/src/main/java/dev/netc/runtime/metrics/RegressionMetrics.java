package dev.netc.runtime.metrics;

import java.util.Locale;

/**
 * Regression metrics over all outputs and examples.
 *
 * @param examples number of examples
 * @param loss mean loss per example, under the network's loss
 * @param mse mean squared error over every output of every example
 * @param mae mean absolute error over every output of every example
 * @param r2 coefficient of determination, averaged over the outputs (per output: 1 - SS_res /
 *     SS_tot; 1 for a perfect fit of a constant target, 0 for an imperfect one)
 */
public record RegressionMetrics(int examples, double loss, double mse, double mae, double r2)
    implements Metrics {

  @Override
  public String toTable() {
    return new TextTable("metric", "value")
        .row("examples", String.valueOf(examples))
        .row("loss", format(loss))
        .row("mse", format(mse))
        .row("mae", format(mae))
        .row("r2", format(r2))
        .toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6f", value);
  }
}
