package dev.netc.grammar.diag;

import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;
import java.util.Comparator;

/**
 * One message about a source file: what kind, how bad, where, and the text a user reads.
 *
 * @param kind the kind, with its stable code
 * @param severity error or warning
 * @param source the file
 * @param span where in the file
 * @param message lower case, says what is wrong and how to fix it
 */
public record Diagnostic(
    DiagnosticKind kind, Severity severity, SourceFile source, Span span, String message) {

  /** Orders diagnostics by file name, line and column (a stable sort keeps report order). */
  public static final Comparator<Diagnostic> BY_POSITION =
      Comparator.comparing((Diagnostic d) -> d.source().name())
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column);

  /** A diagnostic with the severity of its kind. */
  public static Diagnostic of(DiagnosticKind kind, SourceFile source, Span span, String message) {
    return new Diagnostic(kind, kind.severity(), source, span, message);
  }

  /** 1-based line. */
  public int line() {
    return span.line();
  }

  /** 1-based column. */
  public int column() {
    return span.column();
  }

  /** True for an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
