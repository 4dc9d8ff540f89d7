package dev.netc.runtime.metrics;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.Scoring;
import java.util.ArrayList;
import java.util.List;

/** Evaluates a network on a dataset (already scaled, if the network was trained on scaled data). */
public final class Evaluator {
  private Evaluator() {}

  /** Classification metrics if the dataset has class names, else regression metrics. */
  public static Metrics evaluate(CompiledNetwork network, Dataset data) {
    return data.isClassification() ? classification(network, data) : regression(network, data);
  }

  /**
   * Classification metrics; the prediction is {@link CompiledNetwork#classify}, the class the
   * largest target. Uses the dataset's class names, or {@code 0, 1, ...} if it has none.
   */
  public static ClassificationMetrics classification(CompiledNetwork network, Dataset data) {
    checkShape(network, data);
    int classes = network.outputSize();
    int[][] confusion = new int[classes][classes];
    double[] loss = {0};
    Scoring.forEachRow(
        network,
        data.features(),
        data.targets(),
        (i, output, rowLoss) -> {
          loss[0] += rowLoss;
          confusion[data.label(i)][Scoring.argmax(output)]++;
        });
    List<String> names = data.classNames();
    if (names.isEmpty()) {
      names = new ArrayList<>();
      for (int k = 0; k < classes; k++) {
        names.add(String.valueOf(k));
      }
    }
    return new ClassificationMetrics(
        names, confusion, data.size() == 0 ? 0 : loss[0] / data.size());
  }

  /** Regression metrics over every output. */
  public static RegressionMetrics regression(CompiledNetwork network, Dataset data) {
    checkShape(network, data);
    int n = data.size();
    int outputs = network.outputSize();
    double[] mean = new double[outputs];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < outputs; k++) {
        mean[k] += data.target(i)[k] / n;
      }
    }
    double[] residual = new double[outputs];
    double[] total = new double[outputs];
    // loss, squares, absolute
    double[] sums = new double[3];
    Scoring.forEachRow(
        network,
        data.features(),
        data.targets(),
        (i, output, rowLoss) -> {
          double[] t = data.target(i);
          sums[0] += rowLoss;
          for (int k = 0; k < outputs; k++) {
            double e = output[k] - t[k];
            sums[1] += e * e;
            sums[2] += Math.abs(e);
            residual[k] += e * e;
            total[k] += (t[k] - mean[k]) * (t[k] - mean[k]);
          }
        });
    double loss = sums[0];
    double squares = sums[1];
    double absolute = sums[2];
    double r2 = 0;
    for (int k = 0; k < outputs; k++) {
      r2 += total[k] > 0 ? 1 - residual[k] / total[k] : residual[k] == 0 ? 1 : 0;
    }
    double cells = (double) n * outputs;
    return new RegressionMetrics(
        n,
        n == 0 ? 0 : loss / n,
        n == 0 ? 0 : squares / cells,
        n == 0 ? 0 : absolute / cells,
        r2 / outputs);
  }

  private static void checkShape(CompiledNetwork network, Dataset data) {
    data.requireShape(network.inputSize(), network.outputSize(), network.spec().name());
    if (!data.hasTargets()) {
      throw new IllegalArgumentException(data.name() + " has no targets to evaluate against");
    }
  }
}
