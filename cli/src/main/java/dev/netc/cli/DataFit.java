package dev.netc.cli;

import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.network.NetworkSpec;
import java.util.List;

/** Checks that a dataset's columns fit a network's input and output, with messages that say how. */
final class DataFit {
  private DataFit() {}

  /** Fails (exit 1) unless {@code data} has the network's input width. */
  static void checkFeatures(Dataset data, NetworkSpec spec) {
    if (data.featureCount() != spec.inputSize()) {
      throw CommandFailure.input(
          data.name()
              + " has "
              + data.featureCount()
              + " feature columns ("
              + abbreviate(data.featureNames())
              + ") but "
              + spec.name()
              + " takes "
              + spec.inputSize()
              + " inputs; in a CSV file, name the target columns with --label or"
              + " --targets and leave other columns out with --ignore COL,...");
    }
  }

  /**
   * Fails (exit 1) unless the encoding of the table {@code source} is as wide as the network's
   * input, listing every encoded input.
   */
  static void checkEncoded(Preprocessor preprocessor, String source, NetworkSpec spec) {
    if (preprocessor.width() == spec.inputSize()) {
      return;
    }
    List<String> categorical =
        preprocessor.columns().stream()
            .filter(c -> c.type() == Preprocessor.ColumnType.CATEGORICAL)
            .map(c -> c.name() + " " + c.width())
            .toList();
    throw CommandFailure.input(
        source
            + " encodes to "
            + preprocessor.width()
            + " inputs but "
            + spec.name()
            + " takes "
            + spec.inputSize()
            + ". The inputs: "
            + String.join(", ", preprocessor.featureNames())
            + " (each numeric column one input"
            + (categorical.isEmpty()
                ? ""
                : "; each categorical column one per value: " + String.join(", ", categorical))
            + "). Set the network's input to "
            + preprocessor.width()
            + ", or choose the columns with"
            + " --label, --targets, --ignore and --categorical.");
  }

  /** Fails (exit 1) unless {@code data}'s features and targets fit the network. */
  static void check(Dataset data, NetworkSpec spec) {
    checkFeatures(data, spec);
    if (data.isClassification()) {
      if (data.classNames().size() != spec.outputSize()) {
        throw CommandFailure.input(
            data.name()
                + ": the label column has "
                + data.classNames().size()
                + " classes ("
                + abbreviate(data.classNames())
                + ") but "
                + spec.name()
                + " has "
                + spec.outputSize()
                + " output"
                + (spec.outputSize() == 1 ? "" : "s")
                + "; a classifier needs one output per class"
                + (spec.outputSize() == 1
                    ? " (for one sigmoid output, give the 0/1 column as a numeric target:"
                        + " --targets COL)"
                    : ", or use --targets COL,... for numeric targets"));
      }
    } else if (data.targetCount() != spec.outputSize()) {
      throw CommandFailure.input(
          data.name()
              + " has "
              + data.targetCount()
              + " target column"
              + (data.targetCount() == 1 ? "" : "s")
              + " but "
              + spec.name()
              + " has "
              + spec.outputSize()
              + " outputs; give one --targets column per output");
    }
    if (data.size() == 0) {
      throw CommandFailure.input(data.name() + " has no examples");
    }
  }

  private static String abbreviate(List<String> names) {
    return names.size() <= 12
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 10)) + ", ...";
  }
}
