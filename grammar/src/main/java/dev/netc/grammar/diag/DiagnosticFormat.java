package dev.netc.grammar.diag;

import java.util.List;

/**
 * The printed forms of a {@link Diagnostic}: one diagnostic, several renderings (docs/language.md,
 * "Errors").
 */
public final class DiagnosticFormat {
  /** Lines longer than this (in characters) are shown as a window around the column. */
  static final int MAX_SHOWN = 120;

  /** Characters shown before the column in a window of a long line. */
  static final int BEFORE = 50;

  private static final String ELLIPSIS = "...";

  private DiagnosticFormat() {}

  /**
   * The compiler form for a terminal, three lines joined by {@code \n} (no final line end): {@code
   * file:line:column: error: message}, the source line, and a caret under the spot. Tabs of the
   * line are copied into the caret line so the caret lines up; a line longer than {@value
   * #MAX_SHOWN} characters is cut to a window around the column, marked with {@code ...}; control
   * characters are shown as {@code ?}. The count of errors left out ({@link
   * DiagnosticKind#TOO_MANY_ERRORS}) is one line.
   */
  public static String terminal(Diagnostic d) {
    String head = oneLine(d);
    if (d.kind() == DiagnosticKind.TOO_MANY_ERRORS) {
      return head;
    }
    int[] line = d.source().line(d.line()).codePoints().toArray();
    int caretAt = Math.min(d.column() - 1, line.length);
    int from = 0;
    int to = line.length;
    if (line.length > MAX_SHOWN) {
      from = Math.max(0, Math.min(caretAt - BEFORE, line.length - (MAX_SHOWN - BEFORE)));
      to = Math.min(line.length, from + MAX_SHOWN - 2 * ELLIPSIS.length());
    }
    StringBuilder shown = new StringBuilder();
    StringBuilder caret = new StringBuilder();
    if (from > 0) {
      shown.append(ELLIPSIS);
      caret.append(" ".repeat(ELLIPSIS.length()));
    }
    for (int i = from; i < to; i++) {
      int c = line[i];
      shown.appendCodePoint(isControl(c) ? '?' : c);
      if (i < caretAt) {
        caret.append(c == '\t' ? '\t' : ' ');
      }
    }
    if (to < line.length) {
      shown.append(ELLIPSIS);
    }
    caret.append('^');
    return head + "\n" + shown + "\n" + caret;
  }

  /**
   * Several diagnostics in the {@link #terminal(Diagnostic)} form, in the given order, each
   * followed by a line end ("" for none).
   */
  public static String terminal(List<Diagnostic> diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      text.append(terminal(d)).append('\n');
    }
    return text.toString();
  }

  private static boolean isControl(int c) {
    return c != '\t' && (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFEFF);
  }

  /** The single-line form: {@code file:line:column: error: message}. */
  public static String oneLine(Diagnostic d) {
    return d.source().name()
        + ":"
        + d.line()
        + ":"
        + d.column()
        + ": "
        + d.severity().label()
        + ": "
        + d.message();
  }

  /**
   * The Maven log form of plexus-compiler's {@code CompilerMessage}: {@code path:[line,column]
   * message}, with {@code path} as given (the plugin passes the absolute path).
   */
  public static String maven(String path, Diagnostic d) {
    return maven(path, d.line(), d.column(), d.message());
  }

  /**
   * The same single-line form for a problem that is not a {@link Diagnostic} (the Maven plugin's
   * own findings): line breaks in {@code message} become spaces, so log parsers see one line.
   */
  public static String maven(String path, int line, int column, String message) {
    return path + ":[" + line + "," + column + "] " + message.replace('\n', ' ').replace('\r', ' ');
  }
}
