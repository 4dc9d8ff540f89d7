package dev.netc.grammar.syntax;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Span;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Reports what the lexer put on the hidden channel for the checker: stray characters (a run of them
 * on one line is one diagnostic) and block comments without their end.
 */
final class LexicalChecks {
  private LexicalChecks() {}

  static void check(
      CommonTokenStream tokens, Positions positions, DiagnosticCollector diagnostics) {
    List<Token> all = tokens.getTokens();
    int i = 0;
    while (i < all.size()) {
      Token token = all.get(i);
      if (token.getType() == NetcLexer.BLOCK_COMMENT && !closed(token.getText())) {
        diagnostics.report(
            DiagnosticKind.UNTERMINATED_COMMENT,
            positions.of(token),
            "this block comment is never closed: add '*/' where the comment should end");
        i++;
      } else if (token.getType() == NetcLexer.STRAY) {
        int end = i + 1;
        while (end < all.size()
            && all.get(end).getType() == NetcLexer.STRAY
            && all.get(end).getStartIndex() == all.get(end - 1).getStopIndex() + 1
            && all.get(end).getLine() == token.getLine()) {
          end++;
        }
        reportStray(all.subList(i, end), positions, diagnostics);
        i = end;
      } else {
        i++;
      }
    }
  }

  private static boolean closed(String comment) {
    return comment.length() >= 4 && comment.endsWith("*/");
  }

  private static void reportStray(
      List<Token> run, Positions positions, DiagnosticCollector diagnostics) {
    StringBuilder text = new StringBuilder();
    for (Token token : run) {
      text.append(token.getText());
    }
    Span first = positions.of(run.get(0));
    Span last = positions.of(run.get(run.size() - 1));
    Span span = new Span(first.line(), first.column(), first.start(), last.end());
    String shown = describe(text.toString());
    String message =
        run.size() == 1
            ? "unexpected character " + shown + ": remove it"
            : "unexpected characters " + shown + ": remove them";
    if (text.charAt(0) == '#') {
      message += " (comments start with '//')";
    }
    diagnostics.report(DiagnosticKind.STRAY_CHARACTER, span, message);
  }

  /** Printable ASCII text in quotes; anything else also as code points, {@code U+00A0}. */
  private static String describe(String text) {
    boolean printable = text.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    if (printable) {
      return TokenText.quote(text);
    }
    StringBuilder codes = new StringBuilder();
    text.codePoints()
        .limit(8)
        .forEach(
            c -> {
              if (codes.length() > 0) {
                codes.append(' ');
              }
              codes.append(String.format(Locale.ROOT, "U+%04X", c));
            });
    if (text.codePointCount(0, text.length()) > 8) {
      codes.append(" ...");
    }
    boolean visible =
        text.codePoints()
            .noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c) || c == 0xFEFF);
    return visible ? TokenText.quote(text) + " (" + codes + ")" : codes.toString();
  }
}
