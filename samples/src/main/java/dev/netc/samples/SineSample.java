package dev.netc.samples;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.metrics.RegressionMetrics;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.samples.nets.SineNet;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Regression with {@code sine.nn} (1 -> 16 tanh -> 16 tanh -> 1 linear, squared error): fit {@code
 * y = sin(x)} from 500 noisy samples, generated in code from a seed so that no data file is needed.
 */
public final class SineSample {
  private SineSample() {}

  /** Number of generated examples (75% training, 25% test). */
  static final int EXAMPLES = 500;

  /** Standard deviation of the Gaussian noise added to sin(x). */
  static final double NOISE = 0.1;

  /**
   * {@code EXAMPLES} points with x uniform in [-pi, pi) and y = sin(x) + N(0, NOISE^2), drawn from
   * {@link NetcRandom} with {@code seed} (the same numbers on every machine).
   */
  static Dataset noisySine(long seed) {
    NetcRandom random = new NetcRandom(seed);
    double[][] x = new double[EXAMPLES][1];
    double[][] y = new double[EXAMPLES][1];
    for (int i = 0; i < EXAMPLES; i++) {
      x[i][0] = random.nextDouble(-Math.PI, Math.PI);
      y[i][0] = StrictMath.sin(x[i][0]) + NOISE * random.nextGaussian();
    }
    return Dataset.of(x, y);
  }

  /** Trains {@code sine.nn} on 75%, evaluates on the other 25% and prints the metrics. */
  static RegressionMetrics run(PrintStream out) {
    return run(new SineNet(), out);
  }

  /**
   * Trains {@code net} (one input, one output) on 75%, evaluates on the other 25% and prints the
   * metrics.
   */
  static RegressionMetrics run(CompiledNetwork net, PrintStream out) {
    Dataset.Split split = noisySine(Samples.SEED).split(0.25, Samples.SEED, false);
    new Trainer()
        .epochs(300)
        .batchSize(16)
        .reduction(Reduction.MEAN)
        .shuffle(Samples.SEED)
        .train(net, split.train());
    RegressionMetrics metrics = Evaluator.regression(net, split.test());
    out.println(
        net.spec().name()
            + " "
            + net.spec().topology()
            + ": "
            + split.train().size()
            + " training, "
            + split.test().size()
            + " test examples, noise sd "
            + NOISE);
    out.printf(
        Locale.ROOT,
        "test R^2 %.4f (the noise alone caps it near %.4f)%n",
        metrics.r2(),
        0.5 / (0.5 + NOISE * NOISE));
    out.print(metrics.toTable());
    for (double x = -3; x <= 3; x += 1) {
      out.printf(
          Locale.ROOT,
          "  sin(%+.1f) = %+.4f, net %+.4f%n",
          x,
          Math.sin(x),
          net.predict(new double[] {x})[0]);
    }
    return metrics;
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    run(System.out);
  }
}
