package dev.netc.grammar.diag;

import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;

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
