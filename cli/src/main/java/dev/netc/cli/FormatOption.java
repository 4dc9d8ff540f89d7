package dev.netc.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format csv|idx|libsvm|arff}: the format of the data files, instead of their names'. */
final class FormatOption {

  @Option(
      names = "--format",
      paramLabel = "csv|idx|libsvm|arff",
      description =
          "The format of the data files (default: by the name: .arff is ARFF, .libsvm"
              + " and .svm are LibSVM, a name with idx3-ubyte is IDX images, others are CSV).")
  String format;

  /** The format {@code file} is read in. */
  DataFormat of(Path file) {
    return DataFormat.of(file, format);
  }

  /** Why {@code file} is read as {@code format}, for messages. */
  String describe(Path file, DataFormat chosen) {
    return file + " is read as " + chosen.flag() + " " + DataFormat.how(format);
  }
}
