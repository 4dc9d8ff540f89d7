package dev.netc.samples;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
import dev.netc.samples.nets.IrisNet;
import java.io.PrintStream;

/**
 * Fisher's Iris with {@code iris.nn} (4 -> 8 tanh -> 3 softmax, cross-entropy): a stratified 70/30
 * split, features standardized on the training part, 100 epochs of stochastic steps.
 */
public final class IrisSample {
  private IrisSample() {}

  /** Trains, evaluates on the held-out 30% and prints the metrics. */
  static ClassificationMetrics run(PrintStream out) {
    Dataset data = new CsvLoader().load(Samples.dataFile("iris.csv"));
    Dataset.Split split = data.split(0.3, Samples.SEED, true);
    Scaler scaler = Scaler.fit(Scaler.Kind.STANDARD, split.train());
    Dataset train = scaler.apply(split.train());
    Dataset test = scaler.apply(split.test());

    CompiledNetwork net = new IrisNet();
    new Trainer().epochs(100).batchSize(1).shuffle(Samples.SEED).train(net, train);
    ClassificationMetrics metrics = Evaluator.classification(net, test);
    out.println(
        "IrisNet "
            + net.spec().topology()
            + ": "
            + train.size()
            + " training, "
            + test.size()
            + " test examples (classes 0 setosa, 1 versicolor, 2 virginica)");
    out.println("test accuracy " + Samples.percent(metrics.accuracy()));
    out.print(metrics.toTable());
    return metrics;
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    run(System.out);
  }
}
