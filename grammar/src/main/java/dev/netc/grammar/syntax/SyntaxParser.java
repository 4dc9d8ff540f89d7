package dev.netc.grammar.syntax;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.source.SourceFile;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * The parse stage: {@link SourceFile} to parse tree plus syntax and lexical diagnostics. Stateless;
 * every call builds its own lexer and parser.
 */
public final class SyntaxParser {
  private SyntaxParser() {}

  /** Parses {@code source}, reporting syntax errors to {@code diagnostics}. */
  public static ParsedFile parse(SourceFile source, DiagnosticCollector diagnostics) {
    Positions positions = new Positions(source);
    NetcLexer lexer = new NetcLexer(CharStreams.fromString(source.text(), source.name()));
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    NetcParser parser = new NetcParser(tokens);
    FallbackListener fallback = new FallbackListener(diagnostics, positions);
    lexer.removeErrorListeners();
    lexer.addErrorListener(fallback);
    parser.removeErrorListeners();
    parser.addErrorListener(fallback);
    SyntaxErrorStrategy strategy = new SyntaxErrorStrategy(diagnostics, positions);
    parser.setErrorHandler(strategy);
    NetcParser.FileContext tree;
    int overflow = 0;
    try {
      tree = parser.file();
    } catch (StackOverflowError e) {
      // parentheses or calls nested thousands deep: report where the parser got to
      overflow = 1;
      diagnostics.report(
          DiagnosticKind.EXPRESSION_TOO_LARGE,
          positions.of(parser.getCurrentToken()),
          "this expression nests too deeply for netc: write a shorter one");
      tree = new NetcParser.FileContext(null, 0);
    }
    LexicalChecks.check(tokens, positions, diagnostics);
    return new ParsedFile(tree, tokens, positions, strategy.errors() + fallback.errors + overflow);
  }

  /**
   * Replaces ANTLR's {@code ConsoleErrorListener}. The error strategy reports the parser's errors
   * itself and the lexer has a rule for every character, so this only sees what slips past both.
   */
  private static final class FallbackListener extends BaseErrorListener {
    private final DiagnosticCollector diagnostics;
    private final Positions positions;
    private int errors;

    FallbackListener(DiagnosticCollector diagnostics, Positions positions) {
      this.diagnostics = diagnostics;
      this.positions = positions;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      errors++;
      String message = msg == null ? "syntax error" : msg;
      if (offendingSymbol instanceof Token token) {
        diagnostics.report(DiagnosticKind.SYNTAX, positions.of(token), message);
      } else {
        int offset = diagnostics.source().text().length();
        diagnostics.report(DiagnosticKind.SYNTAX, positions.atOffset(offset), message);
      }
    }
  }
}
