package dev.netc.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a raw CSV table becomes training data, for {@code netc train} and {@code netc cv}: which
 * numeric columns are categories ({@code --categorical}) and what a missing value does ({@code
 * --missing}). The encoding itself is the runtime's {@code Preprocessor}; it is saved with the
 * weights, so {@code eval} and {@code predict} take no such options.
 */
final class TableOptions {

  /** What {@code --missing} does with a missing value. */
  enum Missing {
    /** Replace it: numbers by the column's training mean, categories by zeros (the default). */
    IMPUTE,
    /** Fail, naming the row and column. */
    ERROR,
    /** Leave out the rows that have one. */
    DROP
  }

  @Option(
      names = "--categorical",
      paramLabel = "COL",
      split = ",",
      description =
          "Feature columns to encode as categories even though their values are numbers"
              + " (zip codes, say), by header name, comma-separated. Columns with words are"
              + " categorical anyway.")
  List<String> categorical = new ArrayList<>();

  @Option(
      names = "--missing",
      paramLabel = "impute|error|drop",
      defaultValue = "impute",
      description =
          "A missing value (empty, NA, N/A, NaN, null or ?): impute (a number becomes its"
              + " column's training mean, a category all zeros), error (stop, naming the row and"
              + " column) or drop (leave the row out, and say how many were); default:"
              + " ${DEFAULT-VALUE}.")
  String missing;

  /** The policy of {@code --missing}; fails (exit 1) on another value. */
  Missing missing() {
    return switch (missing) {
      case "impute" -> Missing.IMPUTE;
      case "error" -> Missing.ERROR;
      case "drop" -> Missing.DROP;
      default ->
          throw CommandFailure.input("--missing " + missing + ": expected impute, error or drop");
    };
  }

  /** Fails with a usage error (exit 2) if these options are given for data that is not CSV. */
  void checkFormat(DataFormat format, String why, CommandLine commandLine) {
    if ((!categorical.isEmpty() || !missing.equals("impute")) && format != DataFormat.CSV) {
      throw new ParameterException(
          commandLine,
          "--categorical and --missing are for CSV" + " tables, but " + why + "; leave them out");
    }
  }
}
