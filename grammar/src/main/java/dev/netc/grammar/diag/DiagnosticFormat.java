package dev.netc.grammar.diag;

/** The printed forms of a {@link Diagnostic}: one diagnostic, several renderings. */
public final class DiagnosticFormat {
  private DiagnosticFormat() {}

  /**
   * The compiler form for a terminal, three lines: {@code file:line:column: error: message}, the
   * source line, and a caret under the spot (tabs of the line copied so the caret lines up).
   */
  public static String terminal(Diagnostic d) {
    String line = d.source().line(d.line());
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < d.column() - 1 && i < line.length(); i++) {
      caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    caret.append('^');
    return d.source().name() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label()
        + ": " + d.message() + "\n" + line + "\n" + caret;
  }

  /** The single-line form: {@code file:line:column: error: message}. */
  public static String oneLine(Diagnostic d) {
    return d.source().name() + ":" + d.line() + ":" + d.column() + ": " + d.severity().label()
        + ": " + d.message();
  }

  /**
   * The Maven log form of plexus-compiler's {@code CompilerMessage}: {@code path:[line,column]
   * message}, with {@code path} as given (the plugin passes the absolute path).
   */
  public static String maven(String path, Diagnostic d) {
    return path + ":[" + d.line() + "," + d.column() + "] " + d.message();
  }
}
