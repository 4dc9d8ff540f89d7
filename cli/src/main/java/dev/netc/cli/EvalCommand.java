package dev.netc.cli;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import dev.netc.runtime.metrics.Evaluator;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.weights.WeightFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netc eval FILE.nn [--weights MODEL.json] --data TEST.csv [--label COL | ...]}. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a trained network on labelled data: loss, accuracy, confusion matrix and"
          + " per-class precision, recall and F1 (or MSE, MAE and R^2 for numeric targets).",
      "Applies the preprocessing saved in the weight file: for a network trained on a CSV table"
          + " the columns by name (in any order; others ignored), categories, missing values and"
          + " scaling; else the feature scaling and the class mapping."
    })
final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Mixin WeightsOption weights;

  @Option(
      names = "--data",
      paramLabel = "TEST.csv",
      required = true,
      description =
          "Labelled examples: CSV (a header row, then one example per row), ARFF,"
              + " LibSVM or IDX images (see --format).")
  Path data;

  @Mixin DataOptions columns;

  @Mixin FormatOption format;

  @Override
  public Integer call() {
    DataFormat chosen = format.of(data);
    columns.checkFormat(chosen, format.describe(data, chosen), spec.commandLine());
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    CompiledNetwork net = loaded.newInstance();
    WeightFile saved = weights.applyTo(net);
    Dataset examples;
    if (chosen == DataFormat.CSV && saved.preprocessor().isPresent()) {
      Preprocessor preprocessor = saved.preprocessor().get();
      RawTable rows = Tabular.read(data, "data file");
      columns.checkSaved(preprocessor, rows.header(), weights.file, spec.commandLine());
      examples = Tabular.encode(preprocessor, rows, spec.commandLine().getOut());
      if (!examples.hasTargets()) {
        throw CommandFailure.input(
            data
                + " has no "
                + preprocessor
                    .label()
                    .map(label -> "label column '" + label + "'")
                    .orElse("target columns " + String.join(", ", preprocessor.targets()))
                + ", which eval compares the predictions with (netc predict runs on rows without it)");
      }
      DataFit.check(examples, net.spec());
      return print(loaded, examples, net);
    }
    if (chosen == DataFormat.CSV) {
      CsvLoader loader = columns.loader();
      if (!columns.numericTargets()) {
        if (saved.classNames().isEmpty()) {
          throw CommandFailure.input(
              weights.source(network.file)
                  + " was trained on numeric"
                  + " targets (it has no classes); name the target columns of "
                  + data
                  + " with --targets COL,...");
        }
        loader.classNames(saved.classNames());
      }
      examples = DataOptions.load(loader, data, "data file");
    } else {
      boolean regression = saved.classNames().isEmpty();
      if (regression && chosen != DataFormat.LIBSVM) {
        throw CommandFailure.input(
            weights.source(network.file)
                + " was trained on numeric"
                + " targets (it has no classes) but "
                + chosen.flag()
                + " data has class labels;"
                + " evaluate on a CSV file with --targets COL,... or a LibSVM file");
      }
      Path labels =
          chosen == DataFormat.IDX ? DataFormat.idxLabels(data, columns.labels, "--labels") : null;
      examples =
          chosen.load(
              data,
              "data file",
              labels,
              net.inputSize(),
              regression,
              regression ? null : saved.classNames());
    }
    DataFit.check(examples, net.spec());
    if (saved.scaler().isPresent()) {
      examples = saved.scaler().get().apply(examples);
    }
    return print(loaded, examples, net);
  }

  private int print(LoadedNetwork loaded, Dataset examples, CompiledNetwork net) {
    MetricsPrinter.print(
        loaded.model().name()
            + " on "
            + data
            + " ("
            + Diagnostics.plural(examples.size(), "example")
            + "):",
        Evaluator.evaluate(net, examples),
        spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
