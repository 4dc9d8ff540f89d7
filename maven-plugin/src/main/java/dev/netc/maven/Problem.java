package dev.netc.maven;

import dev.netc.grammar.diag.DiagnosticFormat;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * One message for the Maven log and the IDE: a diagnostic of the compiler (a file that is not valid
 * text in the configured encoding included), or a problem the plugin itself found (a folder that is
 * no Java package, a network whose class an unchanged input already generates).
 *
 * @param file the {@code .nn} file, absolute
 * @param line 1-based line
 * @param column 1-based column
 * @param error true for an error, false for a warning
 * @param message lower case, says what is wrong and how to fix it
 */
record Problem(Path file, int line, int column, boolean error, String message)
    implements Comparable<Problem> {

  private static final Comparator<Problem> ORDER =
      Comparator.comparing((Problem p) -> p.file().toString())
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::message);

  /**
   * The form of plexus-compiler's {@code CompilerMessage}, one line, which IDE consoles and CI
   * problem matchers read: {@code /abs/path/file.nn:[line,column] message}.
   */
  String toLogLine() {
    return DiagnosticFormat.maven(file.toString(), line, column, message);
  }

  @Override
  public int compareTo(Problem other) {
    return ORDER.compare(this, other);
  }
}
