package dev.netc.grammar.diag;

/**
 * Every kind of diagnostic netc reports, each with a stable code. Codes are never reused or
 * reassigned: a retired kind keeps its number.
 */
public enum DiagnosticKind {
  /** The file could not be read as UTF-8 text. */
  UNREADABLE_TEXT(1),
  /** The parser did not expect this token. */
  SYNTAX(2);

  private final int code;

  DiagnosticKind(int code) {
    this.code = code;
  }

  /** The stable code, printed as {@code NNC<code>} where codes are shown. */
  public int code() {
    return code;
  }
}
