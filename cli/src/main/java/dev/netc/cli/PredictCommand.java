package dev.netc.cli;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.network.CompiledNetwork;
import dev.netc.runtime.network.Scoring;
import dev.netc.runtime.weights.WeightFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netc predict FILE.nn [--weights MODEL.json] --data ROWS.csv [--out OUT.csv]}. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a trained network on the rows of a data file (CSV with or without the label column,"
          + " ARFF, LibSVM or IDX images) and"
          + " prints one CSV line per row: the predicted class and the probability of each class,"
          + " or the network's outputs.",
      "The preprocessing saved in the weight file is applied first: for a network trained on a"
          + " CSV table the columns by name (in any order; the label column and others ignored),"
          + " categories, missing values and scaling; else the feature scaling."
    })
final class PredictCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Mixin WeightsOption weights;

  @Option(
      names = "--data",
      paramLabel = "ROWS.csv",
      required = true,
      description =
          "The rows to predict: CSV (a header row, then one example per row), ARFF,"
              + " LibSVM (labels are read and left out) or IDX images (no labels needed); see"
              + " --format.")
  Path data;

  @Mixin FormatOption format;

  @Option(
      names = "--label",
      paramLabel = "COL",
      description =
          "A label column of a CSV file to leave out (header name or 1-based number);"
              + " by default the extra last column is left out when the file has one column more"
              + " than the inputs.")
  String label;

  @Option(
      names = "--out",
      paramLabel = "OUT.csv",
      description = "Write the predictions to this file instead of the standard output.")
  Path out;

  @Override
  public Integer call() {
    DataFormat chosen = format.of(data);
    if (label != null && chosen != DataFormat.CSV) {
      throw new ParameterException(
          spec.commandLine(),
          "--label names a CSV column, but "
              + format.describe(data, chosen)
              + "; leave --label out");
    }
    LoadedNetwork loaded = network.load(spec.commandLine().getErr());
    CompiledNetwork net = loaded.newInstance();
    WeightFile saved = weights.applyTo(net);
    Dataset rows;
    if (chosen == DataFormat.CSV && saved.preprocessor().isPresent()) {
      // The label column, if the file has it, is recognised by its saved name and left out.
      rows =
          Tabular.encode(
              saved.preprocessor().get(),
              Tabular.read(data, "data file"),
              spec.commandLine().getErr());
    } else {
      rows =
          chosen == DataFormat.CSV ? features(saved, net) : chosen.features(data, net.inputSize());
      DataFit.checkFeatures(rows, net.spec());
      if (saved.scaler().isPresent()) {
        rows = saved.scaler().get().apply(rows);
      }
    }
    StringWriter text = new StringWriter();
    PrintWriter csv = new PrintWriter(text);
    List<String> classes = saved.classNames();
    List<String> header = new ArrayList<>(List.of("row"));
    if (!classes.isEmpty()) {
      header.add("class");
      classes.forEach(c -> header.add("p_" + c));
    } else {
      for (int k = 1; k <= net.outputSize(); k++) {
        header.add("output" + k);
      }
    }
    csv.println(String.join(",", header));
    Scoring.forEachOutput(
        net,
        rows.features(),
        (i, output) -> {
          StringBuilder line = new StringBuilder().append(i + 1);
          if (!classes.isEmpty()) {
            line.append(',').append(classes.get(Scoring.argmax(output)));
            for (double p : output) {
              line.append(',').append(String.format(Locale.ROOT, "%.6f", p));
            }
          } else {
            for (double y : output) {
              line.append(',').append(String.format(Locale.ROOT, "%.8g", y));
            }
          }
          csv.println(line);
        });
    csv.flush();
    if (out == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      InputFiles.writeText(out, text.toString(), "output file");
      spec.commandLine()
          .getOut()
          .println("wrote " + Diagnostics.plural(rows.size(), "prediction") + " to " + out);
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK;
  }

  /**
   * The feature columns of {@code --data}: all columns when they are as many as the inputs; else
   * the columns named in the weight file; else all but the label column.
   */
  private Dataset features(WeightFile saved, CompiledNetwork net) {
    CsvLoader all = new CsvLoader().noTargets();
    if (label != null) {
      if (label.matches("[0-9]+")) {
        all.ignore(Math.max(0, Integer.parseInt(label) - 1));
      } else {
        all.ignore(label);
      }
      return DataOptions.load(all, data, "data file");
    }
    Dataset rows = DataOptions.load(all, data, "data file");
    if (rows.featureCount() == net.inputSize()) {
      return rows;
    }
    List<String> wanted = saved.featureNames();
    if (wanted.size() == net.inputSize() && rows.featureNames().containsAll(wanted)) {
      List<String> extra = new ArrayList<>(rows.featureNames());
      extra.removeAll(wanted);
      Dataset chosen = new CsvLoader().noTargets().ignore(extra.toArray(new String[0])).load(data);
      if (chosen.featureNames().equals(wanted)) {
        return chosen;
      }
    }
    if (rows.featureCount() == net.inputSize() + 1) {
      return new CsvLoader().noTargets().ignore(-1).load(data);
    }
    return rows;
  }
}
