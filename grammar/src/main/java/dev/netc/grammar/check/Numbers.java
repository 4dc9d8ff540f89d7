package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.Positions;
import dev.netc.grammar.syntax.TokenText;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.antlr.v4.runtime.Token;

/**
 * Reads the one number token of the language as what a place expects: a finite double, a size (a
 * positive whole number) or a seed (a non-negative whole number), reporting what does not fit.
 */
final class Numbers {
  /** The most units a layer (or the input) may have. */
  static final int MAX_SIZE = 1_000_000;

  /** Texts longer than this are not given to BigDecimal, whose parsing is quadratic in length. */
  private static final int MAX_EXACT_TEXT = 1000;

  private final DiagnosticCollector diagnostics;
  private final Positions positions;

  Numbers(DiagnosticCollector diagnostics, Positions positions) {
    this.diagnostics = diagnostics;
    this.positions = positions;
  }

  /** A value written where the grammar admits a number or a word: the number, if finite. */
  Optional<Read> value(NetcParser.NumberContext number) {
    if (number == null || number.exception != null) {
      return Optional.empty();
    }
    Optional<Token> token = Trees.token(number.NUMBER());
    if (token.isPresent()) {
      Span span = positions.of(token.get());
      OptionalDouble value = real(token.get().getText(), span);
      return value.isPresent()
          ? Optional.of(new Read(token.get().getText(), value.getAsDouble(), span))
          : Optional.empty();
    }
    Optional<Token> word = Trees.token(number.NAME());
    if (word.isPresent()) {
      Span span = positions.of(word.get());
      if (TokenText.isNonFiniteWord(word.get())) {
        diagnostics.report(
            DiagnosticKind.NON_FINITE_NUMBER,
            span,
            TokenText.quote(word.get().getText())
                + " is not a number netc accepts: weights, biases and arguments must be finite"
                + " numbers such as 0.5 or -1e-3");
      } else {
        diagnostics.report(
            DiagnosticKind.SYNTAX,
            span,
            "expected a number but found " + TokenText.quote(word.get().getText()));
      }
    }
    return Optional.empty();
  }

  /**
   * The rate of a {@code dropout(r)} option (of a conv or a dense layer): a number at least 0 and
   * below 1, reported where it is not.
   */
  OptionalDouble dropoutRate(NetcParser.NumberContext rate) {
    Optional<Read> value = value(rate);
    if (value.isEmpty()) {
      return OptionalDouble.empty();
    }
    double r = value.get().value();
    if (!(r >= 0 && r < 1)) {
      diagnostics.report(
          DiagnosticKind.ARGUMENT_OUT_OF_RANGE,
          value.get().span(),
          "the dropout rate is the fraction of outputs dropped while training: it must be at"
              + " least 0 and below 1, found "
              + value.get().text());
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(r);
  }

  /** A number as written, its value and where it is. */
  record Read(String text, double value, Span span) {}

  /** The value of a number token, if it is a finite double. */
  OptionalDouble real(String text, Span span) {
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      diagnostics.report(
          DiagnosticKind.NUMBER_OUT_OF_RANGE,
          span,
          "the number "
              + TokenText.quote(text)
              + " is too large for a double (the largest is"
              + " about 1.8e308): write a smaller number");
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(value);
  }

  /**
   * A size: a whole number from 1 to {@link #MAX_SIZE}.
   *
   * @param what what the size is, for the message ({@code the number of units})
   */
  OptionalInt size(String text, Span span, String what) {
    Exact exact = exact(text);
    if (!exact.whole()) {
      diagnostics.report(
          DiagnosticKind.SIZE_NOT_INTEGER,
          span,
          what + " must be a whole number, found " + TokenText.quote(text));
    } else if (exact.signum() <= 0) {
      diagnostics.report(
          DiagnosticKind.SIZE_NOT_POSITIVE,
          span,
          what + " must be at least 1, found " + TokenText.quote(text));
    } else if (exact.value() == null || exact.value().compareTo(BigDecimal.valueOf(MAX_SIZE)) > 0) {
      diagnostics.report(
          DiagnosticKind.SIZE_TOO_LARGE,
          span,
          what + " must be at most " + MAX_SIZE + ", found " + TokenText.quote(text));
    } else {
      return OptionalInt.of(exact.value().intValueExact());
    }
    return OptionalInt.empty();
  }

  /** A seed: a whole number from 0 to {@link Long#MAX_VALUE}. */
  OptionalLong seed(String text, Span span, String owner) {
    Exact exact = exact(text);
    if (exact.whole()
        && exact.signum() >= 0
        && exact.value() != null
        && exact.value().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
      return OptionalLong.of(exact.value().longValueExact());
    }
    diagnostics.report(
        DiagnosticKind.INVALID_SEED,
        span,
        "the seed of "
            + owner
            + " must be a whole number from 0 to "
            + Long.MAX_VALUE
            + ", found "
            + TokenText.quote(text));
    return OptionalLong.empty();
  }

  /**
   * A number read exactly: whether it is whole, its sign, and its value when that is small enough
   * to hold (null for values beyond any size netc accepts).
   */
  private record Exact(boolean whole, int signum, BigDecimal value) {}

  private static Exact exact(String text) {
    boolean negative = text.startsWith("-");
    if (text.length() <= MAX_EXACT_TEXT) {
      try {
        BigDecimal value = new BigDecimal(text);
        boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        boolean huge = value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
        return new Exact(whole, value.signum(), huge ? null : value.stripTrailingZeros());
      } catch (NumberFormatException | ArithmeticException e) {
        // an exponent beyond int: either vanishingly small or astronomically large
        int exponent = Math.max(text.indexOf('e'), text.indexOf('E'));
        boolean tiny = exponent >= 0 && text.startsWith("-", exponent + 1);
        return new Exact(!tiny, tiny ? 0 : (negative ? -1 : 1), null);
      }
    }
    boolean whole = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    return new Exact(whole, negative ? -1 : 1, null);
  }
}
