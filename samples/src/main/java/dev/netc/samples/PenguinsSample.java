package dev.netc.samples;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.train.Trainer;
import dev.netc.samples.nets.PenguinNet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Palmer penguins with {@code penguins.nn} (9 -> 8 tanh -> 3 softmax, cross-entropy), from the
 * CSV file as published: words in {@code island} and {@code sex}, {@code NA} where a value was not
 * recorded. The runtime's {@link Preprocessor}, fitted on the training rows only, encodes the rows
 * (island and sex one-hot, missing numbers as the training mean, missing sex as zeros), then the
 * inputs are standardized. A stratified 70/30 split, 100 epochs of stochastic steps: the same run
 * as {@code netc train penguins.nn --data penguins.csv --label species --ignore year
 * --test-fraction 0.3 --seed 42 --scale standard}.
 */
public final class PenguinsSample {
  private PenguinsSample() {}

  /** The label column and the column left out (the year of the observation, not a trait). */
  static final Preprocessor.Options COLUMNS =
      new Preprocessor.Options().label("species").ignore("year");

  /**
   * What the sample measured.
   *
   * @param metrics on the held-out rows
   * @param testLines the line of each held-out row in {@code penguins.csv}, in test order
   * @param served the class the network gives one raw row, encoded as a service would
   */
  record Result(ClassificationMetrics metrics, List<Long> testLines, String served) {}

  /** Trains, evaluates on the held-out 30%, classifies one raw row and prints the results. */
  static Result run(PrintStream out) {
    RawTable table = new CsvLoader().table(Samples.dataFile("penguins.csv"));
    // The split needs only the labels: the same rows as Dataset.split gives the encoded table.
    Dataset labelled = Preprocessor.fit(table, COLUMNS).encode(table).data();
    Dataset.IndexSplit split = labelled.splitIndices(0.3, Samples.SEED, true);
    RawTable trainRows = table.select(split.train());
    RawTable testRows = table.select(split.test());

    Preprocessor encoding = Preprocessor.fit(trainRows, COLUMNS);
    Dataset train = encoding.encode(trainRows).data();
    Scaler scaler = Scaler.fit(Scaler.Kind.STANDARD, train);
    Preprocessor preprocessor = encoding.withScaler(scaler);
    train = scaler.apply(train);
    Dataset test = preprocessor.encode(testRows).data();

    CompiledNetwork net = new PenguinNet();
    new Trainer().epochs(100).batchSize(1).shuffle(Samples.SEED).train(net, train);
    ClassificationMetrics metrics = Evaluator.classification(net, test);

    // Serving: a raw row as a service receives it, bill length and sex not recorded.
    Map<String, String> row =
        new HashMap<>(
            Map.of(
                "island",
                "Biscoe",
                "bill_length_mm",
                "NA",
                "bill_depth_mm",
                "14.5",
                "flipper_length_mm",
                "215",
                "body_mass_g",
                "5400",
                "sex",
                ""));
    double[] input = new double[preprocessor.width()];
    preprocessor.encode(row, input);
    String served = preprocessor.className(net.classify(input));

    out.println(
        "PenguinNet "
            + net.spec().topology()
            + ": "
            + train.size()
            + " training, "
            + test.size()
            + " test rows of penguins.csv; inputs "
            + preprocessor.featureNames());
    out.println("test accuracy " + Samples.percent(metrics.accuracy()));
    out.print(metrics.toTable());
    out.println("a row " + row + " is a " + served);
    List<Long> lines = new ArrayList<>();
    for (int i = 0; i < testRows.size(); i++) {
      lines.add(testRows.line(i));
    }
    return new Result(metrics, List.copyOf(lines), served);
  }

  /** Trains and prints. */
  public static void main(String[] args) {
    run(System.out);
  }
}
