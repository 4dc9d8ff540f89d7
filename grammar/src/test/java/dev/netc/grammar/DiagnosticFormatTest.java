package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;
import org.junit.jupiter.api.Test;

/** The rendered forms of a diagnostic: caret placement with tabs, long lines, CRLF, code points. */
class DiagnosticFormatTest {

  private static Diagnostic at(String text, int line, int column) {
    return Diagnostic.of(
        DiagnosticKind.SYNTAX, new SourceFile("f.nn", text), new Span(line, column, 0, 0), "msg");
  }

  @Test
  void threeLinesWithCaretUnderTheColumn() {
    assertEquals(
        "f.nn:2:9: error: msg\n  dense 8 tahn;\n        ^",
        DiagnosticFormat.terminal(at("network N {\n  dense 8 tahn;\n}", 2, 9)));
  }

  @Test
  void tabsAreCopiedIntoTheCaretLine() {
    assertEquals(
        "f.nn:1:5: error: msg\n\t\tx\ty\n\t\t \t^",
        DiagnosticFormat.terminal(at("\t\tx\ty", 1, 5)));
  }

  @Test
  void windowsLineEndsAreNotShown() {
    assertEquals(
        "f.nn:2:3: error: msg\nab;\n  ^", DiagnosticFormat.terminal(at("x\r\nab;\r\nc\r\n", 2, 3)));
  }

  @Test
  void columnsCountCodePoints() {
    String text = "/* \uD83D\uDE00 */ x";
    assertEquals(
        "f.nn:1:10: error: msg\n" + text + "\n         ^",
        DiagnosticFormat.terminal(at(text, 1, 10)));
  }

  @Test
  void controlCharactersAreShownAsQuestionMarks() {
    assertEquals("f.nn:1:2: error: msg\na?b\n ^", DiagnosticFormat.terminal(at("a\u0007b", 1, 2)));
  }

  @Test
  void caretAtTheEndOfTheLineAndPastTheLastLine() {
    assertEquals("f.nn:1:4: error: msg\nabc\n   ^", DiagnosticFormat.terminal(at("abc", 1, 4)));
    assertEquals("f.nn:3:1: error: msg\n\n^", DiagnosticFormat.terminal(at("abc\n", 3, 1)));
  }

  @Test
  void longLinesShowAWindowWithTheCaretStillUnderTheSpot() {
    StringBuilder line = new StringBuilder();
    for (int i = 0; line.length() < 5000; i++) {
      line.append(i).append(' ');
    }
    String text = line.toString();
    for (int column : new int[] {1, 2, 60, 61, 500, 2500, 4900, text.length(), text.length() + 1}) {
      String[] rendered = DiagnosticFormat.terminal(at(text, 1, column)).split("\n");
      String shown = rendered[1];
      int caret = rendered[2].indexOf('^');
      assertTrue(shown.length() <= 120, "window of " + shown.length() + " characters");
      assertEquals(caret + 1, rendered[2].length(), "caret is the last character");
      if (column <= text.length()) {
        assertEquals(text.charAt(column - 1), shown.charAt(caret), "column " + column);
        String around = text.substring(column - 1, Math.min(text.length(), column + 10));
        assertTrue(
            shown.substring(caret).startsWith(around)
                || around.startsWith(shown.substring(caret, shown.length() - 3)),
            "column " + column + ": " + shown);
      } else {
        assertEquals(shown.length(), caret, "past the end");
      }
      assertEquals(column > 51, shown.startsWith("..."), "column " + column);
    }
  }

  @Test
  void theCountOfErrorsLeftOutIsOneLine() {
    Diagnostic d =
        Diagnostic.of(
            DiagnosticKind.TOO_MANY_ERRORS,
            new SourceFile("f.nn", "x"),
            new Span(1, 1, 0, 0),
            "3 more errors not shown; fix the errors above and check again");
    assertEquals(
        "f.nn:1:1: error: 3 more errors not shown; fix the errors above and check again",
        DiagnosticFormat.terminal(d));
  }

  @Test
  void oneLineAndMavenForms() {
    Diagnostic d = at("abc", 1, 2);
    assertEquals("f.nn:1:2: error: msg", DiagnosticFormat.oneLine(d));
    assertEquals("/abs/f.nn:[1,2] msg", DiagnosticFormat.maven("/abs/f.nn", d));
  }

  @Test
  void warningsSayWarning() {
    Diagnostic d =
        Diagnostic.of(
            DiagnosticKind.WIDE_LAYER, new SourceFile("f.nn", "abc"), new Span(1, 1, 0, 0), "w");
    assertEquals("f.nn:1:1: warning: w\nabc\n^", DiagnosticFormat.terminal(d));
  }
}
