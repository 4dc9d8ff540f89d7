package dev.netc.grammar.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** How tokens and sets of expected tokens are named in messages. */
public final class TokenText {
  /** Longest token text quoted in a message, in characters. */
  private static final int MAX_QUOTED = 30;

  private TokenText() {}

  /** A token as a message names it: {@code 'tahn'}, or {@code the end of the file}. */
  static String found(Token token) {
    if (token.getType() == Token.EOF) {
      return "the end of the file";
    }
    return quote(token.getText());
  }

  /** Text in single quotes, cut to a readable length. */
  public static String quote(String text) {
    if (text == null) {
      return "''";
    }
    String shown =
        text.codePointCount(0, text.length()) > MAX_QUOTED
            ? text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED - 3)) + "..."
            : text;
    return "'" + shown + "'";
  }

  /**
   * A set of expected tokens in words: {@code ';' or '{'}, {@code a number}. Where a name is
   * expected, the words of the language (which are names there) are not listed separately.
   */
  static String expected(IntervalSet set, Vocabulary vocabulary) {
    if (set.size() == 2 && set.contains(NetcParser.NUMBER) && set.contains(NetcParser.NAME)) {
      return "a number"; // the rule `number`, which admits a word only to report it
    }
    if (set.size() == 2 && set.contains(NetcParser.NUMBER) && set.contains(NetcParser.DIMS)) {
      return "sizes such as 5x5 or 28 x 28 x 1"; // the rule `shape`
    }
    // The rule `name` admits BAD_NAME and the keywords; a NAME without them may only start an
    // unknown statement or body item, which is not worth a mention.
    boolean name = set.contains(NetcParser.NAME) && set.contains(NetcParser.BAD_NAME);
    List<String> words = new ArrayList<>();
    for (int type : set.toArray()) {
      if (name && (type == NetcParser.BAD_NAME || isKeyword(type, vocabulary))
          || !name && type == NetcParser.NAME) {
        continue;
      }
      words.add(describe(type, vocabulary));
    }
    if (words.isEmpty()) {
      return "something else";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  /** The words of the language in {@code set}, without quotes ({@code dense}, {@code loss}). */
  static List<String> keywords(IntervalSet set, Vocabulary vocabulary) {
    List<String> words = new ArrayList<>();
    for (int type : set.toArray()) {
      if (isKeyword(type, vocabulary)) {
        String literal = vocabulary.getLiteralName(type);
        words.add(literal.substring(1, literal.length() - 1));
      }
    }
    return words;
  }

  private static boolean isKeyword(int type, Vocabulary vocabulary) {
    String literal = vocabulary.getLiteralName(type);
    return literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1));
  }

  private static String describe(int type, Vocabulary vocabulary) {
    if (type == Token.EOF) {
      return "the end of the file";
    } else if (type == NetcParser.NAME) {
      return "a name";
    } else if (type == NetcParser.NUMBER) {
      return "a number";
    }
    String literal = vocabulary.getLiteralName(type);
    return literal != null ? literal : vocabulary.getDisplayName(type).toLowerCase(Locale.ROOT);
  }

  /** True for NaN and infinity spelled as a name ({@code NaN}, {@code Infinity}, {@code inf}). */
  public static boolean isNonFiniteWord(Token token) {
    if (token.getType() != NetcParser.NAME) {
      return false;
    }
    String word = token.getText().toLowerCase(Locale.ROOT);
    return word.equals("nan") || word.equals("infinity") || word.equals("inf");
  }
}
