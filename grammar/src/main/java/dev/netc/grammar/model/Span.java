package dev.netc.grammar.model;

/**
 * A region of a source file: 1-based line and column of its first character (a column counts
 * characters, a tab is one), and its character offsets {@code [start, end)} in the file's text.
 */
public record Span(int line, int column, int start, int end) {

  /** A span for things that have no place in a file (models built in code). */
  public static final Span NONE = new Span(1, 1, 0, 0);

  public Span {
    if (line < 1 || column < 1 || start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad span: line " + line + ", column " + column + ", [" + start + ", " + end + ")");
    }
  }
}
