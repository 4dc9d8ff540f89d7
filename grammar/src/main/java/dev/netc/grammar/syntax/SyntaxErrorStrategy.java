package dev.netc.grammar.syntax;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.diag.Suggestions;
import java.util.Optional;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's default recovery (so one typo does not hide the rest), with netc's messages: each syntax
 * error says what was expected and what was found, and goes to the file's {@link
 * DiagnosticCollector} instead of the console. A missing token at the end of a line is reported
 * just after the line's last token, as javac does.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
  private final DiagnosticCollector diagnostics;
  private final Positions positions;
  private int errors;

  SyntaxErrorStrategy(DiagnosticCollector diagnostics, Positions positions) {
    this.diagnostics = diagnostics;
    this.positions = positions;
  }

  /** How many syntax errors were reported. */
  int errors() {
    return errors;
  }

  /**
   * Never repairs by dropping a {@code ;} or {@code }}: the words of the language are names after
   * {@code as}, so in {@code dense 1 sigmoid as;} ANTLR would drop the {@code ;} and take the next
   * statement's {@code loss} for the name, turning one mistake into two.
   */
  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    String text = recognizer.getCurrentToken().getText();
    return ";".equals(text) || "}".equals(text) ? null : super.singleTokenDeletion(recognizer);
  }

  /**
   * Never repairs by inventing a number: in {@code dense eight tanh;} that would make {@code eight}
   * the activation and report {@code tanh} as a second error.
   */
  @Override
  protected boolean singleTokenInsertion(Parser recognizer) {
    return !recognizer.getExpectedTokens().contains(NetcParser.NUMBER)
        && super.singleTokenInsertion(recognizer);
  }

  @Override
  protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
    mismatch(recognizer, e.getOffendingToken(), recognizer.getExpectedTokens());
  }

  @Override
  protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
    mismatch(recognizer, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
    mismatch(recognizer, e.getOffendingToken(), recognizer.getExpectedTokens());
  }

  @Override
  protected void reportUnwantedToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    mismatch(recognizer, recognizer.getCurrentToken(), getExpectedTokens(recognizer));
  }

  @Override
  protected void reportMissingToken(Parser recognizer) {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    beginErrorCondition(recognizer);
    Token token = recognizer.getCurrentToken();
    IntervalSet expected = getExpectedTokens(recognizer);
    String words = TokenText.expected(expected, recognizer.getVocabulary());
    Token previous = previous(recognizer);
    errors++;
    if (previous != null) {
      diagnostics.report(
          DiagnosticKind.SYNTAX,
          positions.after(previous),
          "expected " + words + " after " + TokenText.found(previous));
    } else {
      diagnostics.report(
          DiagnosticKind.SYNTAX,
          positions.of(token),
          "expected " + words + " before " + TokenText.found(token));
    }
  }

  private void mismatch(Parser recognizer, Token token, IntervalSet expected) {
    if (nonFinite(token, expected)) {
      return;
    }
    Token previous = previous(recognizer);
    if (previous != null
        && expected.contains(semicolon(recognizer))
        && token.getType() != Token.EOF
        && token.getLine() > previous.getLine()) {
      errors++;
      diagnostics.report(
          DiagnosticKind.SYNTAX,
          positions.after(previous),
          "expected "
              + TokenText.expected(expected, recognizer.getVocabulary())
              + " after "
              + TokenText.found(previous));
    } else {
      report(recognizer, token, expected);
    }
  }

  /**
   * Reports {@code token} where {@code expected} was expected: a word close to an expected word of
   * the language gets a suggestion ({@code optimiser}: did you mean 'optimizer'?), and the end of
   * the file is reported just after the last token.
   */
  private void report(Parser recognizer, Token token, IntervalSet expected) {
    errors++;
    String words = TokenText.expected(expected, recognizer.getVocabulary());
    Token previous = previous(recognizer);
    if (token.getType() == Token.EOF) {
      diagnostics.report(
          DiagnosticKind.SYNTAX,
          previous == null ? positions.of(token) : positions.after(previous),
          "the file ends too early: expected " + words);
      return;
    }
    if ("network".equals(token.getText()) && expected.contains(literal(recognizer, "'}'"))) {
      diagnostics.report(
          DiagnosticKind.SYNTAX,
          positions.of(token),
          "expected '}' before 'network': close the network above first");
      return;
    }
    if (";".equals(token.getText()) && previous != null && ";".equals(previous.getText())) {
      diagnostics.report(DiagnosticKind.SYNTAX, positions.of(token), "extra ';': remove it");
      return;
    }
    Optional<String> suggestion =
        token.getType() == NetcParser.NAME
            ? Suggestions.closest(
                token.getText(), TokenText.keywords(expected, recognizer.getVocabulary()))
            : Optional.empty();
    diagnostics.report(
        DiagnosticKind.SYNTAX,
        positions.of(token),
        suggestion
            .map(k -> "unexpected " + TokenText.found(token) + " (did you mean '" + k + "'?)")
            .orElse("expected " + words + " but found " + TokenText.found(token)));
  }

  /** NaN or infinity where a number belongs gets its own message. */
  private boolean nonFinite(Token token, IntervalSet expected) {
    if (!expected.contains(NetcParser.NUMBER) || !TokenText.isNonFiniteWord(token)) {
      return false;
    }
    errors++;
    diagnostics.report(
        DiagnosticKind.NON_FINITE_NUMBER,
        positions.of(token),
        TokenText.quote(token.getText())
            + " is not a number netc accepts: weights, biases and arguments must be finite"
            + " numbers such as 0.5 or -1e-3");
    return true;
  }

  /** The token type of {@code ';'}. */
  private static int semicolon(Parser recognizer) {
    return literal(recognizer, "';'");
  }

  /** The token type of a literal of the grammar, quoted as ANTLR names it ({@code "';'"}). */
  private static int literal(Parser recognizer, String quoted) {
    return TokenText.literal(quoted, recognizer.getVocabulary());
  }

  /** The last token on the default channel before the current one, if any. */
  private static Token previous(Parser recognizer) {
    Token token = recognizer.getInputStream().LT(-1);
    return token == null || token.getType() == Token.EOF ? null : token;
  }
}
