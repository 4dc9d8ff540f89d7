package dev.netc.generator.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a long formula into comment lines: one equation per line ({@code f'(z) = ...,} then each
 * shared value {@code s = ...} on a line of its own), and an equation still too long broken before
 * an operator of its outermost parentheses, continued with an indent.
 */
final class CommentLines {
  private static final String INDENT = "    ";

  private CommentLines() {}

  /** {@code text} in lines of at most {@code width} characters where a break allows it. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    if (text.length() <= width) {
      lines.add(text);
      return lines;
    }
    List<String> equations = splitTopLevel(text);
    for (int k = 0; k < equations.size(); k++) {
      String equation = (k == 0 ? "" : INDENT) + equations.get(k);
      if (k < equations.size() - 1) {
        equation += ",";
      }
      breakLong(equation, width, lines);
    }
    return lines;
  }

  /** The parts of {@code text} between its commas outside parentheses. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0 && text.startsWith(", ", i)) {
        parts.add(text.substring(start, i));
        start = i + 2;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  /**
   * Adds {@code line} to {@code lines}, broken while longer than {@code width}: before the operator
   * ({@code +}, {@code -}, {@code *}, {@code /}) of least parenthesis depth within the width, the
   * rightmost of those.
   */
  private static void breakLong(String line, int width, List<String> lines) {
    String rest = line;
    String continuation = leadingSpaces(line) + INDENT;
    while (rest.length() > width) {
      int at = breakPoint(rest, width, continuation.length());
      if (at < 0) {
        break;
      }
      lines.add(rest.substring(0, at));
      rest = continuation + rest.substring(at + 1);
    }
    lines.add(rest);
  }

  /** Index of the space before the best operator to break at, or -1. */
  private static int breakPoint(String line, int width, int minimum) {
    int best = -1;
    int bestDepth = Integer.MAX_VALUE;
    int depth = 0;
    for (int i = 0; i < line.length() && i <= width; i++) {
      char c = line.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ' '
          && i > minimum
          && i + 2 < line.length()
          && "+-*/".indexOf(line.charAt(i + 1)) >= 0
          && line.charAt(i + 2) == ' '
          && depth <= bestDepth) {
        best = i;
        bestDepth = depth;
      }
    }
    return best;
  }

  private static String leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return line.substring(0, n);
  }
}
