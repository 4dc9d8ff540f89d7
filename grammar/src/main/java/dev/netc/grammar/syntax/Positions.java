package dev.netc.grammar.syntax;

import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR tokens into {@link Span}s: the one place where ANTLR's 0-based {@code
 * charPositionInLine} becomes a 1-based column, and where ANTLR's code point indexes become the
 * {@code char} offsets of {@link SourceFile#text()}.
 */
public final class Positions {
  private final SourceFile source;

  /** The char offset of each code point, or null when every code point is one char. */
  private final int[] charOffsets;

  /** Positions in {@code source}. */
  public Positions(SourceFile source) {
    this.source = source;
    String text = source.text();
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      charOffsets = null;
    } else {
      charOffsets = new int[codePoints + 1];
      int offset = 0;
      for (int i = 0; i < codePoints; i++) {
        charOffsets[i] = offset;
        offset += Character.charCount(text.codePointAt(offset));
      }
      charOffsets[codePoints] = offset;
    }
  }

  private int charOffset(int codePointIndex) {
    if (charOffsets == null) {
      return Math.min(Math.max(codePointIndex, 0), source.text().length());
    }
    return charOffsets[Math.min(Math.max(codePointIndex, 0), charOffsets.length - 1)];
  }

  /** The span of one token. */
  public Span of(Token token) {
    int start = charOffset(token.getStartIndex());
    int end =
        token.getStopIndex() < token.getStartIndex() ? start : charOffset(token.getStopIndex() + 1);
    return new Span(
        Math.max(1, token.getLine()), Math.max(0, token.getCharPositionInLine()) + 1, start, end);
  }

  /** The span from the first to the last token of a rule. */
  public Span of(ParserRuleContext context) {
    Span first = of(context.getStart());
    Token stop = context.getStop();
    if (stop == null || stop.getStopIndex() < context.getStart().getStartIndex()) {
      return first;
    }
    return new Span(
        first.line(), first.column(), first.start(), Math.max(first.start(), of(stop).end()));
  }

  /** The empty span just after {@code token} (where a missing {@code ;} belongs). */
  public Span after(Token token) {
    Span span = of(token);
    int width = source.text().codePointCount(span.start(), span.end());
    return new Span(span.line(), span.column() + width, span.end(), span.end());
  }

  /** The empty span at a {@code char} offset of the text. */
  public Span atOffset(int offset) {
    int[] lineAndColumn = source.lineAndColumn(offset);
    int clamped = Math.max(0, Math.min(offset, source.text().length()));
    return new Span(lineAndColumn[0], lineAndColumn[1], clamped, clamped);
  }
}
