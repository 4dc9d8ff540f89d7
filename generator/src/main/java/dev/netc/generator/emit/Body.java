package dev.netc.generator.emit;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of a generated method as pieces of Java text, each with a rough estimate of its bytecode
 * size, so that straight-line code can be split into helper methods. A piece is one statement or
 * one whole loop, with the comment lines that precede it.
 */
final class Body {
  /** One piece: text (possibly several lines) and its estimated bytecode size. */
  record Piece(String text, int cost) {}

  private final List<Piece> pieces = new ArrayList<>();
  private final StringBuilder pendingComments = new StringBuilder();

  /** A comment line before the next piece. */
  Body comment(String text) {
    pendingComments.append("// ").append(text).append('\n');
    return this;
  }

  /** One statement, without its semicolon. */
  Body stmt(String statement) {
    return code(statement + ";\n");
  }

  /** Arbitrary lines of code (a loop, an if) kept together. */
  Body code(String text) {
    pieces.add(new Piece(pendingComments + text, estimate(text)));
    pendingComments.setLength(0);
    return this;
  }

  /** Adds the pieces of {@code other}. */
  Body add(Body other) {
    other.flushComments();
    pieces.addAll(other.pieces);
    return this;
  }

  List<Piece> pieces() {
    flushComments();
    return pieces;
  }

  int cost() {
    return pieces().stream().mapToInt(Piece::cost).sum();
  }

  String text() {
    StringBuilder text = new StringBuilder();
    for (Piece piece : pieces()) {
      text.append(piece.text());
    }
    return text.toString();
  }

  private void flushComments() {
    if (pendingComments.length() > 0) {
      pieces.add(new Piece(pendingComments.toString(), 0));
      pendingComments.setLength(0);
    }
  }

  /**
   * A deliberately pessimistic estimate of bytecode bytes: an array element with a constant index
   * costs about 8 (aload_0, getfield, sipush, xaload), an operator 1, a call 3, a line a few more.
   */
  static int estimate(String text) {
    int cost = 4;
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '[' -> cost += 9;
        case '+', '-', '*', '/', '<', '>', '=' -> cost += 2;
        case '(' -> cost += 4;
        case '\n' -> cost += 4;
        default -> { }
      }
    }
    return cost;
  }
}
