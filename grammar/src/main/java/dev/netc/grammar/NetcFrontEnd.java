package dev.netc.grammar;

import dev.netc.grammar.check.FileChecker;
import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.source.SourceFile;
import dev.netc.grammar.syntax.ParsedFile;
import dev.netc.grammar.syntax.Positions;
import dev.netc.grammar.syntax.SyntaxParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The language front end: parse and check one {@code .nn} file into a {@link NetworkFile} (every
 * default of the language filled in) or diagnostics. Stateless and thread-safe.
 *
 * <pre>{@code
 * FrontEndResult result = NetcFrontEnd.check(Path.of("src/main/netc/iris.nn"), "iris.nn");
 * result.diagnostics().forEach(d -> System.err.println(DiagnosticFormat.terminal(d)));
 * result.model().ifPresent(file -> ...);   // present exactly when there is no error
 * }</pre>
 */
public final class NetcFrontEnd {
  private NetcFrontEnd() {}

  /**
   * Parses and checks {@code source}. Never throws for any input text: every problem is a
   * diagnostic. A source whose bytes were not valid in their charset ({@link
   * SourceFile#decodingError()}) gets one {@link DiagnosticKind#UNREADABLE_TEXT} error at the first
   * bad byte and is not parsed.
   */
  public static FrontEndResult check(SourceFile source) {
    DiagnosticCollector diagnostics = new DiagnosticCollector(source);
    Optional<NetworkFile> model = Optional.empty();
    if (source.decodingError().isPresent()) {
      SourceFile.DecodingError error = source.decodingError().get();
      diagnostics.report(
          DiagnosticKind.UNREADABLE_TEXT,
          new Positions(source).atOffset(error.textOffset()),
          "the file is not "
              + error.charset()
              + " text: the byte at offset "
              + error.byteOffset()
              + " cannot be decoded; save the file as "
              + error.charset());
    } else {
      ParsedFile parsed = SyntaxParser.parse(source, diagnostics);
      model = FileChecker.check(parsed, diagnostics);
    }
    return new FrontEndResult(
        source, diagnostics.hasErrors() ? Optional.empty() : model, diagnostics.sorted());
  }

  /**
   * Reads {@code file} as UTF-8 ({@link SourceFile#read(Path, String)}) and checks it.
   *
   * @param displayName how diagnostics name the file
   * @throws IOException only if the file cannot be read at all; bad bytes are a diagnostic
   */
  public static FrontEndResult check(Path file, String displayName) throws IOException {
    return check(SourceFile.read(file, displayName));
  }
}
