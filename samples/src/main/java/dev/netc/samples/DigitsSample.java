package dev.netc.samples;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Reduction;
import dev.netc.runtime.train.Trainer;
import dev.netc.samples.nets.DigitsNet;
import java.io.PrintStream;

/**
 * The 8x8 digits with {@code digits.nn} (64 -> 32 tanh -> 10 softmax, Adam): a stratified 70/30
 * split, pixels scaled to [0, 1] by the training part's range, 30 epochs of mini-batches of 16.
 */
public final class DigitsSample {
  private DigitsSample() {}

  /** Trains, evaluates on the held-out 30% and prints the metrics. */
  static ClassificationMetrics run(PrintStream out) {
    Dataset data = new CsvLoader().load(Samples.dataFile("digits.csv"));
    Dataset.Split split = data.split(0.3, Samples.SEED, true);
    Scaler scaler = Scaler.fit(Scaler.Kind.MIN_MAX, split.train());
    Dataset train = scaler.apply(split.train());
    Dataset test = scaler.apply(split.test());

    CompiledNetwork net = new DigitsNet();
    new Trainer()
        .epochs(30)
        .batchSize(16)
        .reduction(Reduction.MEAN)
        .shuffle(Samples.SEED)
        .train(net, train);
    ClassificationMetrics metrics = Evaluator.classification(net, test);
    out.println(
        "DigitsNet "
            + net.spec().topology()
            + ": "
            + train.size()
            + " training, "
            + test.size()
            + " test examples");
    out.println("test accuracy " + Samples.percent(metrics.accuracy()));
    out.print(metrics.toTable());
    return metrics;
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    run(System.out);
  }
}
