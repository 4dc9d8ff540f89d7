package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.model.DeclaredActivation;
import dev.netc.grammar.source.SourceFile;
import dev.netc.grammar.syntax.ParsedFile;
import dev.netc.grammar.syntax.SyntaxParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * netc's built-in activations written in the language ({@code prelude.nn} beside this class):
 * {@code gelu}, {@code gelu_exact}, {@code silu} and {@code swish}, {@code mish}, {@code selu},
 * {@code hard_tanh}. Read and checked once, by the same checker as a user's declarations.
 */
public final class Prelude {
  private static final Map<String, DeclaredActivation> ACTIVATIONS = load();

  private Prelude() {}

  /** The prelude's activations by name, in the order the prelude declares them. */
  public static Map<String, DeclaredActivation> activations() {
    return ACTIVATIONS;
  }

  private static Map<String, DeclaredActivation> load() {
    String text;
    try (InputStream in = Prelude.class.getResourceAsStream("prelude.nn")) {
      if (in == null) {
        throw new IllegalStateException("prelude.nn is missing from the netc-grammar jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read netc's prelude.nn", e);
    }
    SourceFile source = new SourceFile("prelude.nn", text);
    DiagnosticCollector diagnostics = new DiagnosticCollector(source);
    ParsedFile parsed = SyntaxParser.parse(source, diagnostics);
    List<DeclaredActivation> checked =
        new ActivationChecker(diagnostics, parsed.positions(), Map.of(), true)
            .check(parsed.tree().activationDecl())
            .activations();
    if (!diagnostics.sorted().isEmpty()) {
      throw new IllegalStateException(
          "netc's prelude.nn has diagnostics:\n" + DiagnosticFormat.terminal(diagnostics.sorted()));
    }
    Map<String, DeclaredActivation> byName = new LinkedHashMap<>();
    checked.forEach(a -> byName.put(a.name(), a));
    return Collections.unmodifiableMap(byName);
  }
}
