package dev.netc.cli;

import dev.netc.runtime.data.CsvLoader;
import dev.netc.runtime.data.Dataset;
import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.RawTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw CSV tables on the command line: reading them, applying {@code --missing}, and encoding them
 * with a {@link Preprocessor}, with a note for what the user should know (rows dropped, values not
 * seen in training).
 */
final class Tabular {
  private Tabular() {}

  /** Reads {@code file} as a table of text values; a missing file is a system error. */
  static RawTable read(Path file, String what) {
    InputFiles.checkReadable(file, what);
    return new CsvLoader().table(file);
  }

  /**
   * {@code table} under the {@code --missing} policy: unchanged (impute), checked (error), or
   * without the rows that miss a value in a used column (drop, with a note on {@code out}).
   *
   * @param options the columns; those ignored may miss values
   */
  static RawTable missing(
      RawTable table, TableOptions.Missing policy, List<String> ignored, PrintWriter out) {
    if (policy == TableOptions.Missing.IMPUTE) {
      return table;
    }
    List<String> used = new ArrayList<>(table.header());
    used.removeAll(ignored);
    if (policy == TableOptions.Missing.ERROR) {
      table.requireNoMissing(used);
      return table;
    }
    RawTable complete = table.withoutMissing(used);
    int dropped = table.size() - complete.size();
    if (dropped > 0) {
      out.println(
          "dropped "
              + Diagnostics.plural(dropped, "row")
              + " of "
              + table.size()
              + " in "
              + table.source()
              + " with a missing value (--missing drop)");
    }
    if (complete.size() == 0) {
      throw CommandFailure.input(
          table.source()
              + ": every row has a missing value, so --missing"
              + " drop leaves none; use --missing impute, or --ignore the columns with gaps");
    }
    return complete;
  }

  /**
   * {@code table} encoded by {@code preprocessor}, with a note on {@code notes} per categorical
   * column that holds values not seen in training.
   */
  static Dataset encode(Preprocessor preprocessor, RawTable table, PrintWriter notes) {
    Preprocessor.Encoded encoded = preprocessor.encode(table);
    for (Preprocessor.Unseen unseen : encoded.unseen()) {
      notes.println(
          "note: "
              + table.source()
              + ": "
              + Diagnostics.plural(unseen.rows(), "row")
              + " of column "
              + unseen.column()
              + " hold a value not seen in training (first: '"
              + unseen.example()
              + "'); such values encode as all zeros");
    }
    notes.flush();
    return encoded.data();
  }
}
