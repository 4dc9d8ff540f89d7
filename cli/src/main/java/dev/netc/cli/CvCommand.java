package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import dev.netc.runtime.metrics.ClassificationMetrics;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.metrics.Metrics;
import dev.netc.runtime.metrics.RegressionMetrics;
import dev.netc.runtime.metrics.TextTable;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.NetworkSpec;
import dev.netc.runtime.train.TrainingListener;
import dev.netc.runtime.train.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netc cv FILE.nn --data F --folds K ...}: k-fold cross-validation with the options of
 * {@code train}; each fold trains a fresh network on the other folds (preprocessing and scaling
 * fitted on them only) and measures it on its own.
 */
@Command(
    name = "cv",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cross-validates a network: splits the data into K folds (stratified by class, chosen from"
          + " --seed), trains a fresh network on all folds but one with the options of train, and"
          + " measures it on the fold left out; prints each fold's metrics and their mean and"
          + " standard deviation. Writes no weights.",
      "For a CSV table the encoding (categories, missing values) and the scaling are fitted on"
          + " each fold's training rows only."
    })
final class CvCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(
      names = "--data",
      paramLabel = "DATA.csv",
      required = true,
      description =
          "The examples: CSV (a header row, then one example per row), ARFF, LibSVM or"
              + " IDX images (see --format).")
  Path data;

  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description = "Number of folds, at least 2 (default: ${DEFAULT-VALUE}).")
  int folds;

  @Mixin DataOptions columns;

  @Mixin FormatOption format;

  @Mixin TableOptions table;

  @Mixin TrainingOptions options;

  /**
   * One fold's data, before the scaling.
   *
   * @param training the examples to train on, encoded
   * @param test the fold's own examples, encoded
   */
  private record Fold(Dataset training, Dataset test) {}

  @Override
  public Integer call() {
    options.check();
    table.missing();
    if (folds < 2) {
      throw CommandFailure.input("--folds " + folds + ": cross-validation needs at least 2 folds");
    }
    DataFormat chosen = format.of(data);
    columns.checkFormat(chosen, format.describe(data, chosen), spec.commandLine());
    table.checkFormat(chosen, format.describe(data, chosen), spec.commandLine());
    PrintWriter out = spec.commandLine().getOut();
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    NetworkSpec netSpec = loaded.newInstance().spec();
    List<Fold> split = chosen == DataFormat.CSV ? tableFolds(netSpec, out) : folds(chosen, netSpec);

    out.println(
        folds
            + "-fold cross-validation of "
            + netSpec.name()
            + " ("
            + netSpec.topology()
            + ") on "
            + data
            + " ("
            + Diagnostics.plural(
                split.get(0).training().size() + split.get(0).test().size(), "example")
            + (split.get(0).test().isClassification() ? ", stratified" : "")
            + ", seed "
            + options.seed
            + "):");
    out.flush();
    List<Metrics> results = new ArrayList<>();
    List<Integer> epochs = new ArrayList<>();
    for (Fold fold : split) {
      Training.Prepared prepared =
          Training.prepare(fold.training(), Optional.of(fold.test()), options);
      CompiledNetwork net = loaded.newInstance();
      if (options.rate != null) {
        net.setLearningRate(options.rate);
      }
      TrainingResult result =
          Training.run(
              net,
              prepared.training(),
              prepared.validation(),
              Training.Settings.of(options),
              new TrainingListener() {});
      epochs.add(result.epochs());
      results.add(Evaluator.evaluate(net, prepared.test().orElseThrow()));
    }
    out.print(table(split, results, epochs));
    out.flush();
    return ExitCode.OK;
  }

  /** The folds of a CSV table: the encoding is fitted on each fold's training rows. */
  private List<Fold> tableFolds(NetworkSpec netSpec, PrintWriter out) {
    RawTable rows = Tabular.read(data, "data file");
    Preprocessor.Options encoding = columns.preprocessing(rows.header(), table.categorical);
    rows = Tabular.missing(rows, table.missing(), columns.ignoredNames(rows.header()), out);
    Preprocessor whole = Preprocessor.fit(rows, encoding);
    DataFit.checkEncoded(whole, data.toString(), netSpec);
    Dataset all = whole.encode(rows).data();
    DataFit.check(all, netSpec);
    checkFolds(all);
    List<Fold> result = new ArrayList<>();
    int f = 1;
    for (Dataset.IndexSplit indices : all.kFoldIndices(folds, options.seed, true)) {
      RawTable trainRows = rows.select(indices.train());
      Preprocessor preprocessor = Preprocessor.fit(trainRows, encoding);
      DataFit.checkEncoded(preprocessor, data + " without fold " + f, netSpec);
      result.add(
          new Fold(
              preprocessor.encode(trainRows).data(),
              Tabular.encode(preprocessor, rows.select(indices.test()), out)));
      f++;
    }
    return result;
  }

  /** The folds of data in another format than CSV. */
  private List<Fold> folds(DataFormat chosen, NetworkSpec netSpec) {
    Path labels =
        chosen == DataFormat.IDX ? DataFormat.idxLabels(data, columns.labels, "--labels") : null;
    boolean regression = chosen == DataFormat.LIBSVM && netSpec.outputSize() == 1;
    Dataset all = chosen.load(data, "data file", labels, netSpec.inputSize(), regression, null);
    DataFit.check(all, netSpec);
    checkFolds(all);
    return all.kFold(folds, options.seed, true).stream()
        .map(split -> new Fold(split.train(), split.test()))
        .toList();
  }

  private void checkFolds(Dataset all) {
    if (folds > all.size()) {
      throw CommandFailure.input(
          "--folds "
              + folds
              + ": "
              + data
              + " has only "
              + Diagnostics.plural(all.size(), "example"));
    }
  }

  /** Each fold's metrics, then their mean and sample standard deviation. */
  private static String table(List<Fold> split, List<Metrics> results, List<Integer> epochs) {
    boolean classification = results.get(0) instanceof ClassificationMetrics;
    List<String> header = new ArrayList<>(List.of("fold", "train", "test", "epochs", "loss"));
    List<ToDoubleFunction<Metrics>> columns = new ArrayList<>(List.of(Metrics::loss));
    List<Boolean> percent = new ArrayList<>(List.of(false));
    if (classification) {
      header.addAll(List.of("accuracy", "macro F1"));
      columns.add(m -> ((ClassificationMetrics) m).accuracy());
      columns.add(m -> ((ClassificationMetrics) m).macroF1());
      percent.addAll(List.of(true, true));
    } else {
      header.addAll(List.of("mse", "mae", "r2"));
      columns.add(m -> ((RegressionMetrics) m).mse());
      columns.add(m -> ((RegressionMetrics) m).mae());
      columns.add(m -> ((RegressionMetrics) m).r2());
      percent.addAll(List.of(false, false, false));
    }
    TextTable text = new TextTable(header.toArray(new String[0]));
    for (int f = 0; f < results.size(); f++) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  String.valueOf(f + 1),
                  String.valueOf(split.get(f).training().size()),
                  String.valueOf(split.get(f).test().size()),
                  String.valueOf(epochs.get(f))));
      for (int c = 0; c < columns.size(); c++) {
        cells.add(format(columns.get(c).applyAsDouble(results.get(f)), percent.get(c)));
      }
      text.row(cells.toArray(new String[0]));
    }
    List<String> summary = new ArrayList<>(List.of("mean +- sd", "", "", ""));
    for (int c = 0; c < columns.size(); c++) {
      double[] values = new double[results.size()];
      for (int f = 0; f < values.length; f++) {
        values[f] = columns.get(c).applyAsDouble(results.get(f));
      }
      summary.add(
          format(mean(values), percent.get(c)) + " +- " + format(sd(values), percent.get(c)));
    }
    text.row(summary.toArray(new String[0]));
    return text + "(sd: the sample standard deviation over the folds, n - 1 in the denominator)\n";
  }

  private static String format(double value, boolean percent) {
    return percent ? Formats.percent(value) : String.format(Locale.ROOT, "%.4f", value);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  static double sd(double[] values) {
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
