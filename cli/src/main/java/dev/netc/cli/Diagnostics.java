package dev.netc.cli;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticFormat;
import java.io.PrintWriter;
import java.util.List;

/** Prints diagnostics in the terminal form of the language spec, then a count, as javac does. */
final class Diagnostics {
  private Diagnostics() {}

  /** Prints every diagnostic (already sorted by file, line and column) and a count line. */
  static void print(List<Diagnostic> diagnostics, PrintWriter err) {
    if (diagnostics.isEmpty()) {
      return;
    }
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    err.print(DiagnosticFormat.terminal(diagnostics));
    StringBuilder count = new StringBuilder();
    if (errors > 0) {
      count.append(plural(errors, "error"));
    }
    if (warnings > 0) {
      count.append(count.length() > 0 ? ", " : "").append(plural(warnings, "warning"));
    }
    err.println(count);
    err.flush();
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
