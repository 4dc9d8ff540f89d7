package dev.netc.cli;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
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
 * A column is a header name or a 1-based column number, as error messages count them. These options
 * are for CSV files only; {@code --labels FILE} is for IDX images only.
 */
final class DataOptions {

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Targets targets;

  static final class Targets {
    @Option(
        names = "--label",
        paramLabel = "COL",
        description =
            "The column holding the class label: a header name or a 1-based column"
                + " number (default: the last column).")
    String label;

    @Option(
        names = "--targets",
        paramLabel = "COL",
        split = ",",
        description =
            "Numeric target columns (regression or arbitrary target vectors), by header"
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
      description =
          "The labels (idx1-ubyte) of IDX images given with --data (default: the file"
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
      throw new ParameterException(
          commandLine,
          flag
              + " names CSV columns, but "
              + why
              + "; leave "
              + flag
              + " out ("
              + format.flag()
              + " files say which part is the label)");
    }
    if (labels != null && format != DataFormat.IDX) {
      throw new ParameterException(
          commandLine,
          "--labels is the labels file of IDX images, but " + why + "; leave --labels out");
    }
  }

  /**
   * Fails with a usage error (exit 2) if a column option contradicts the columns saved in the
   * weight file {@code weights} (of a network trained on a CSV table): another label or target
   * column, or a feature column to ignore. Options that repeat the training's are fine.
   *
   * @param header the header of the data file, to resolve column numbers
   */
  void checkSaved(Preprocessor saved, List<String> header, Path weights, CommandLine commandLine) {
    String problem = null;
    if (targets != null && targets.label != null) {
      String name = columnNames("--label", List.of(targets.label), header).get(0);
      if (!saved.label().equals(java.util.Optional.of(name))) {
        problem =
            "--label "
                + targets.label
                + ": the label column of "
                + weights
                + " is "
                + saved
                    .label()
                    .map(label -> "'" + label + "'")
                    .orElse("none (numeric targets " + String.join(", ", saved.targets()) + ")");
      }
    } else if (numericTargets()
        && !columnNames("--targets", targets.columns, header).equals(saved.targets())) {
      problem =
          "--targets "
              + String.join(",", targets.columns)
              + ": the target columns of "
              + weights
              + " are "
              + (saved.targets().isEmpty()
                  ? "none (it has a label column)"
                  : String.join(", ", saved.targets()));
    }
    for (String name : ignoredNames(header)) {
      if (problem == null
          && saved.columns().stream().anyMatch(column -> column.name().equals(name))) {
        problem =
            "--ignore "
                + String.join(",", ignore)
                + ": '"
                + name
                + "' is an input of the"
                + " network in "
                + weights
                + " and cannot be left out";
      }
    }
    if (problem != null) {
      throw new ParameterException(
          commandLine,
          problem
              + "; the weight file names the columns"
              + " (found by name, in any order; other columns are ignored), so leave the option out");
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

  /**
   * The columns of a raw table with this {@code header} for a {@link Preprocessor}: the label or
   * target columns, the ignored ones and the {@code categorical} ones, numbers resolved to names.
   */
  Preprocessor.Options preprocessing(List<String> header, List<String> categorical) {
    Preprocessor.Options options = new Preprocessor.Options();
    if (numericTargets()) {
      options.targets(columnNames("--targets", targets.columns, header).toArray(new String[0]));
    } else if (targets != null && targets.label != null) {
      options.label(columnNames("--label", List.of(targets.label), header).get(0));
    }
    options.ignore(ignoredNames(header).toArray(new String[0]));
    options.categorical(columnNames("--categorical", categorical, header).toArray(new String[0]));
    return options;
  }

  /** The {@code --ignore} columns by name, numbers resolved in {@code header}. */
  List<String> ignoredNames(List<String> header) {
    return columnNames("--ignore", ignore, header);
  }

  /** Columns given by header name or 1-based number, as names of {@code header}. */
  private static List<String> columnNames(
      String option, List<String> columns, List<String> header) {
    if (columns.isEmpty() || !allNumbers(columns)) {
      return List.of(names(option, columns));
    }
    List<String> names = new ArrayList<>();
    for (int index : indexes(option, columns)) {
      if (index >= header.size()) {
        throw CommandFailure.input(
            option
                + " "
                + (index + 1)
                + ": the file has "
                + header.size()
                + " columns ("
                + String.join(", ", header)
                + ")");
      }
      names.add(header.get(index));
    }
    return names;
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
      throw CommandFailure.input(
          option
              + " "
              + String.join(",", columns)
              + ": give either header names or column numbers, not both");
    }
    return columns.toArray(new String[0]);
  }

  private static int[] indexes(String option, List<String> columns) {
    int[] indexes = new int[columns.size()];
    for (int i = 0; i < indexes.length; i++) {
      int number = Integer.parseInt(columns.get(i));
      if (number < 1) {
        throw CommandFailure.input(
            option
                + " "
                + columns.get(i)
                + ": column numbers count from 1 (the first column is 1)");
      }
      indexes[i] = number - 1;
    }
    return indexes;
  }
}
