package dev.netc.cli;

import dev.netc.runtime.metrics.Metrics;
import java.io.PrintWriter;

/** Prints the runtime's metrics (for classification with the confusion matrix) under a title. */
final class MetricsPrinter {
  private MetricsPrinter() {}

  /** The metrics as text: a title line, then the runtime's table. */
  static String text(String title, Metrics metrics) {
    return title + "\n" + metrics.toTable();
  }

  static void print(String title, Metrics metrics, PrintWriter out) {
    out.print(text(title, metrics));
    out.flush();
  }
}
