package dev.netc.cli;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Which CSV columns are targets: {@code --label COL} (a class label, the default: the last column)
 * or {@code --targets COL,COL...} (numeric targets, for regression), and {@code --ignore COL,...}.
 * A column is a header name or a 1-based column number, as error messages count them. These
 * options are for CSV files only; {@code --labels FILE} is for IDX images only.
 */
final class DataOptions {

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Targets targets;

  static final class Targets {
    @Option(
        names = "--label",
        paramLabel = "COL",
        description = "The column holding the class label: a header name or a 1-based column"
            + " number (default: the last column).")
    String label;

    @Option(
        names = "--targets",
        paramLabel = "COL",
        split = ",",
        description = "Numeric target columns (regression or arbitrary target vectors), by header"
            + " name or 1-based number, comma-separated.")
    List<String> columns;
  }

  @Option(
      names = "--ignore",
      paramLabel = "COL",
      split = ",",
      description = "Columns that are neither features nor targets (an id, say), comma-separated.")
  List<String> ignore = new ArrayList<>();

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = "The labels (idx1-ubyte) of IDX images given with --data (default: the file"
          + " named like them with images-idx3 replaced by labels-idx1).")
  Path labels;

  /**
   * Fails with a usage error (exit 2) naming the flag if a CSV-only flag is given for data of
   * another format, or {@code --labels} for data that is not IDX.
   */
  void checkFormat(DataFormat format, String why, CommandLine commandLine) {
    String flag = null;
    if (targets != null && targets.label != null) {
      flag = "--label";
    } else if (numericTargets()) {
      flag = "--targets";
    } else if (!ignore.isEmpty()) {
      flag = "--ignore";
    }
    if (flag != null && format != DataFormat.CSV) {
      throw new ParameterException(commandLine, flag + " names CSV columns, but " + why
          + "; leave " + flag + " out (" + format.flag() + " files say which part is the label)");
    }
    if (labels != null && format != DataFormat.IDX) {
      throw new ParameterException(commandLine, "--labels is the labels file of IDX images, but "
          + why + "; leave --labels out");
    }
  }

  /** True if {@code --targets} was given. */
  boolean numericTargets() {
    return targets != null && targets.columns != null;
  }

  /** A loader for training or test data (with targets). */
  CsvLoader loader() {
    CsvLoader loader = new CsvLoader();
    if (numericTargets()) {
      if (allNumbers(targets.columns)) {
        loader.targets(indexes("--targets", targets.columns));
      } else {
        loader.targets(names("--targets", targets.columns));
      }
    } else if (targets != null && targets.label != null) {
      if (isNumber(targets.label)) {
        loader.label(indexes("--label", List.of(targets.label))[0]);
      } else {
        loader.label(targets.label);
      }
    }
    ignore(loader);
    return loader;
  }

  /** Adds the {@code --ignore} columns to {@code loader}. */
  CsvLoader ignore(CsvLoader loader) {
    if (!ignore.isEmpty()) {
      if (allNumbers(ignore)) {
        loader.ignore(indexes("--ignore", ignore));
      } else {
        loader.ignore(names("--ignore", ignore));
      }
    }
    return loader;
  }

  /** Loads {@code file} with {@code loader}; a missing file is a system error. */
  static Dataset load(CsvLoader loader, Path file, String what) {
    InputFiles.checkReadable(file, what);
    return loader.load(file);
  }

  private static boolean isNumber(String column) {
    return column.matches("[0-9]+");
  }

  private static boolean allNumbers(List<String> columns) {
    return columns.stream().allMatch(DataOptions::isNumber);
  }

  private static String[] names(String option, List<String> columns) {
    if (columns.stream().anyMatch(DataOptions::isNumber)) {
      throw CommandFailure.input(option + " " + String.join(",", columns)
          + ": give either header names or column numbers, not both");
    }
    return columns.toArray(new String[0]);
  }

  private static int[] indexes(String option, List<String> columns) {
    int[] indexes = new int[columns.size()];
    for (int i = 0; i < indexes.length; i++) {
      int number = Integer.parseInt(columns.get(i));
      if (number < 1) {
        throw CommandFailure.input(option + " " + columns.get(i)
            + ": column numbers count from 1 (the first column is 1)");
      }
      indexes[i] = number - 1;
    }
    return indexes;
  }
}
