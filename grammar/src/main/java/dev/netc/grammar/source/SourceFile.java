package dev.netc.grammar.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one {@code .nn} file and where its lines start, so that offsets become 1-based line
 * and column numbers (a column counts characters; a tab is one).
 *
 * @param name the file as it is shown in diagnostics (a path as the user gave it, or relative to a
 *     source root)
 * @param text the file's text, without a byte order mark; line ends may be {@code \n} or {@code \r\n}
 */
public record SourceFile(String name, String text) {

  public SourceFile {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
  }

  /** The 0-based offsets at which each line starts. */
  public List<Integer> lineStarts() {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts;
  }

  /** The text of 1-based line {@code line}, without its line end. */
  public String line(int line) {
    int start = 0;
    for (int current = 1; current < line; current++) {
      int newline = text.indexOf('\n', start);
      if (newline < 0) {
        return "";
      }
      start = newline + 1;
    }
    int end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length();
    }
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, end);
  }
}
