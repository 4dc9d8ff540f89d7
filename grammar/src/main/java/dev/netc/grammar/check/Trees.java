package dev.netc.grammar.check;

import dev.netc.grammar.syntax.NetcParser;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reads a parse tree that may have been recovered after syntax errors: a part that the parser
 * conjured or could not match is absent, so the checker never reports on text that is not there.
 */
final class Trees {
  private Trees() {}

  /** The token of {@code node}, unless the node is missing or made up by error recovery. */
  static Optional<Token> token(TerminalNode node) {
    if (node == null || node instanceof ErrorNode) {
      return Optional.empty();
    }
    return token(node.getSymbol());
  }

  /** {@code token} (a labelled token of a rule), unless missing or made up by error recovery. */
  static Optional<Token> token(Token token) {
    return token == null || token.getTokenIndex() < 0 || token.getType() == Token.EOF
        ? Optional.empty()
        : Optional.of(token);
  }

  /** The single token of a {@code name}, if the parser matched one. */
  static Optional<Token> name(NetcParser.NameContext name) {
    if (name == null || name.exception != null || name.getChildCount() != 1) {
      return Optional.empty();
    }
    ParseTree child = name.getChild(0);
    return child instanceof TerminalNode terminal ? token(terminal) : Optional.empty();
  }

  /**
   * True if the parser reported an error inside {@code tree}: a rule it could not match, or a token
   * it made up or skipped. The checker leaves such statements alone, so that one syntax error gives
   * one diagnostic and not a cascade.
   */
  static boolean hasSyntaxError(ParseTree tree) {
    if (tree instanceof ErrorNode) {
      return true;
    }
    if (tree instanceof ParserRuleContext rule) {
      if (rule.exception != null) {
        return true;
      }
      for (int i = 0; i < rule.getChildCount(); i++) {
        ParseTree child = rule.getChild(i);
        if (!(child instanceof TerminalNode && !(child instanceof ErrorNode))
            && hasSyntaxError(child)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True if the name is a word with non-ASCII letters. */
  static boolean isBadName(Token token) {
    return token.getType() == NetcParser.BAD_NAME;
  }
}
