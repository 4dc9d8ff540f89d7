package dev.netc.samples;

import dev.netc.runtime.metrics.RegressionMetrics;
import dev.netc.samples.nets.SineDeclaredNet;
import java.io.PrintStream;

/**
 * The sine regression of {@link SineSample} with activations declared in the language: {@code
 * sine_declared.nn} (1 -> 16 scaled_tanh -> 16 swish -> 1 linear, squared error), where {@code
 * scaled_tanh} is the file's own {@code activation scaled_tanh(x, a = 1.7159, b = 0.6667) = a *
 * tanh(b * x);} and {@code swish} comes from netc's prelude.
 */
public final class SineDeclaredSample {
  private SineDeclaredSample() {}

  /** Trains on 75%, evaluates on the other 25% and prints the metrics. */
  static RegressionMetrics run(PrintStream out) {
    return SineSample.run(new SineDeclaredNet(), out);
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    run(System.out);
  }
}
