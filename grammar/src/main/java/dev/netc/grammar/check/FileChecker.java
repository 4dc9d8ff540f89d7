package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.model.Span;
import dev.netc.grammar.syntax.NetcParser;
import dev.netc.grammar.syntax.ParsedFile;
import dev.netc.grammar.syntax.Positions;
import dev.netc.grammar.syntax.TokenText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * The check stage: a parse tree to a {@link NetworkFile}, or diagnostics. Checks the package, each
 * network's name (a legal Java class name that hides none of the {@code java.lang} classes the
 * generated code uses), and the names across networks; {@link ActivationChecker} checks the
 * declared activations first (networks may use those declared after them), {@link NetworkChecker}
 * the networks. Runs on recovered trees too, so that syntax errors do not hide the file's other
 * errors.
 */
public final class FileChecker {
  private FileChecker() {}

  /**
   * Checks {@code parsed}. Returns the model when neither the parse nor the check found an error in
   * the file ({@code diagnostics} decides), else empty.
   */
  public static Optional<NetworkFile> check(ParsedFile parsed, DiagnosticCollector diagnostics) {
    Positions positions = parsed.positions();
    NetcParser.FileContext file = parsed.tree();
    String sourceName = diagnostics.source().name();
    Optional<String> packageName = packageName(file.packageDecl(), positions, diagnostics);
    ActivationChecker.Result declared =
        new ActivationChecker(diagnostics, positions, Prelude.activations(), false)
            .check(file.activationDecl());
    NetworkChecker checker =
        new NetworkChecker(diagnostics, positions, parsed.syntaxErrors() > 0, declared);
    List<Network> networks = new ArrayList<>();
    Map<String, Token> names = new LinkedHashMap<>();
    Map<String, Token> folded = new LinkedHashMap<>();
    for (NetcParser.NetworkContext network : file.network()) {
      Optional<Token> name = Trees.name(network.name());
      if (name.isEmpty()) {
        continue;
      }
      checkName(name.get(), positions, diagnostics, names, folded);
      checker.check(network, name.get(), packageName, sourceName).ifPresent(networks::add);
    }
    if (file.network().isEmpty() && parsed.syntaxErrors() == 0) {
      diagnostics.report(
          DiagnosticKind.NO_NETWORK,
          positions.of(file.getStop() == null ? file.getStart() : file.getStop()),
          "this file declares no network: add one, for example 'network Net { input 2;"
              + " dense 1 sigmoid; loss squared_error; }'");
    }
    if (diagnostics.hasErrors() || networks.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new NetworkFile(sourceName, packageName, networks, declared.activations()));
  }

  private static Optional<String> packageName(
      NetcParser.PackageDeclContext declaration,
      Positions positions,
      DiagnosticCollector diagnostics) {
    if (declaration == null) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    boolean complete = declaration.exception == null;
    for (NetcParser.NameContext part : declaration.name()) {
      Optional<Token> token = Trees.name(part);
      if (token.isEmpty()) {
        complete = false;
        continue;
      }
      String text = token.get().getText();
      Span span = positions.of(token.get());
      String problem = JavaNames.packagePartProblem(text);
      if (Trees.isBadName(token.get())) {
        reportNonAscii(diagnostics, token.get(), span, "a package name");
      } else if (problem != null) {
        diagnostics.report(
            DiagnosticKind.INVALID_PACKAGE,
            span,
            "'"
                + text
                + "' "
                + problem
                + " and cannot be part of a package name: rename this"
                + " part, for example to '"
                + text
                + "s'");
      } else if (parts.isEmpty() && text.equals("java")) {
        diagnostics.report(
            DiagnosticKind.INVALID_PACKAGE,
            span,
            "package names starting with 'java' are reserved for the JDK (the JVM refuses to"
                + " load such classes): choose another, for example 'com.example'");
      }
      parts.add(text);
    }
    return complete && !parts.isEmpty() ? Optional.of(String.join(".", parts)) : Optional.empty();
  }

  private static void checkName(
      Token name,
      Positions positions,
      DiagnosticCollector diagnostics,
      Map<String, Token> names,
      Map<String, Token> folded) {
    String text = name.getText();
    Span span = positions.of(name);
    String problem = JavaNames.classNameProblem(text);
    if (Trees.isBadName(name)) {
      reportNonAscii(diagnostics, name, span, "a network name");
    } else if (problem != null) {
      diagnostics.report(
          DiagnosticKind.INVALID_NETWORK_NAME,
          span,
          "network name '"
              + text
              + "' "
              + problem
              + ", but it becomes a Java class name:"
              + " choose another, for example '"
              + Character.toUpperCase(text.charAt(0))
              + text.substring(1)
              + "Net'");
    } else if (JavaNames.hidesGeneratedCodeName(text)) {
      diagnostics.report(
          DiagnosticKind.INVALID_NETWORK_NAME,
          span,
          "network name '"
              + text
              + "' would hide java.lang."
              + text
              + ", which the generated"
              + " class uses: choose another, for example '"
              + text
              + "Net'");
    }
    Token first = names.putIfAbsent(text, name);
    if (first != null) {
      diagnostics.report(
          DiagnosticKind.DUPLICATE_NETWORK,
          span,
          DuplicateNetworks.message(
              text, text, DuplicateNetworks.Earlier.inThisFile(first.getLine())));
      return;
    }
    Token sameLetters = folded.putIfAbsent(text.toLowerCase(Locale.ROOT), name);
    if (sameLetters != null) {
      diagnostics.report(
          DiagnosticKind.NETWORK_NAME_CASE_CLASH,
          span,
          "network '"
              + text
              + "' differs from '"
              + sameLetters.getText()
              + "' (line "
              + sameLetters.getLine()
              + ") only in case: their class files clash on Windows and"
              + " macOS; rename one");
    }
  }

  /** Reports a name with non-ASCII letters. */
  static void reportNonAscii(DiagnosticCollector diagnostics, Token name, Span span, String what) {
    diagnostics.report(
        DiagnosticKind.NON_ASCII_NAME,
        span,
        TokenText.quote(name.getText())
            + " is not allowed as "
            + what
            + ": names use only"
            + " the letters A-Z and a-z, digits and '_'");
  }
}
