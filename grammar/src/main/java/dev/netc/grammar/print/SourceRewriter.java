package dev.netc.grammar.print;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.model.ConvLayer;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.ParsedFile;
import dev.netc.grammar.syntax.Positions;
import dev.netc.grammar.syntax.SyntaxParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Writes a network's parameters into the text of the {@code .nn} file it came from: every {@code
 * conv} and {@code dense} statement of the network gets an explicit {@code weights}/{@code bias}
 * body (replacing the one it had), and everything else of the text (package, comments, layout,
 * init, optimizer) stays as it was. A file that declares several networks keeps only the one
 * written: the text before its first network (the package and the leading comments), then that
 * network.
 */
public final class SourceRewriter {
  private SourceRewriter() {}

  /**
   * The text of {@code source} with the layers of the network named {@code trained.name()} holding
   * {@code trained}'s explicit weights and biases.
   *
   * @param source a file that checks without errors
   * @param trained the network of that file, every layer with explicit weights and bias
   * @throws IllegalArgumentException if the file has no such network, its layers differ from {@code
   *     trained}'s, or a value is NaN or infinite
   */
  public static String withParameters(SourceFile source, Network trained) {
    ParsedFile parsed = SyntaxParser.parse(source, new DiagnosticCollector(source));
    if (parsed.syntaxErrors() > 0) {
      throw new IllegalArgumentException(source.name() + " has syntax errors");
    }
    Positions positions = parsed.positions();
    List<NetcParser.NetworkContext> networks = parsed.tree().network();
    NetcParser.NetworkContext chosen =
        networks.stream()
            .filter(n -> n.name().getText().equals(trained.name()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        source.name() + " declares no network " + trained.name()));
    String text = source.text();
    Span whole = positions.of(chosen);
    // the statements with parameters, in order: conv, then dense, as the model lists them
    List<ParserRuleContext> statements = new ArrayList<>();
    List<NetcParser.LayerBodyContext> oldBodies = new ArrayList<>();
    for (NetcParser.StatementContext statement : chosen.statement()) {
      if (statement instanceof NetcParser.DenseStatementContext d) {
        statements.add(d);
        oldBodies.add(d.layerBody());
      } else if (statement instanceof NetcParser.ConvStatementContext c) {
        statements.add(c.convLayer());
        oldBodies.add(c.convLayer().layerBody());
      }
    }
    List<ConvLayer> convs = new ArrayList<>();
    for (FeatureLayer feature : trained.features()) {
      if (feature instanceof ConvLayer conv) {
        convs.add(conv);
      }
    }
    if (statements.size() != convs.size() + trained.layers().size()) {
      throw new IllegalArgumentException(
          trained.name()
              + " has "
              + (convs.size() + trained.layers().size())
              + " layers with parameters, its text "
              + statements.size());
    }
    StringBuilder out = new StringBuilder();
    if (networks.size() == 1) {
      out.append(text, 0, whole.start());
    } else {
      out.append(text, 0, positions.of(networks.get(0)).start());
    }
    int at = whole.start();
    for (int i = 0; i < statements.size(); i++) {
      ParserRuleContext statement = statements.get(i);
      Span start = positions.of(statement.getStart());
      String indent = indentation(text, start.start());
      String body =
          i < convs.size()
              ? NetworkPrinter.layerBody(convs.get(i), trained.precision(), indent)
              : NetworkPrinter.layerBody(
                  trained.layers().get(i - convs.size()), trained.precision(), indent);
      if (oldBodies.get(i) != null) {
        Span old = positions.of(oldBodies.get(i));
        out.append(text, at, old.start()).append(body);
        at = old.end();
      } else {
        Span semicolon = positions.of(statement.getStop());
        out.append(text, at, semicolon.start()).append(' ').append(body);
        at = semicolon.end();
      }
    }
    out.append(text, at, whole.end());
    if (networks.size() == 1) {
      out.append(text, whole.end(), text.length());
    } else {
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The spaces and tabs before the first non-blank character of the line holding {@code offset}.
   */
  private static String indentation(String text, int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    int end = lineStart;
    while (end < offset && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(lineStart, end);
  }
}
