package dev.netc.grammar;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * What the front end makes of one file: the checked model if the file has no error, and every
 * diagnostic (errors and warnings), sorted by line and column.
 */
public record FrontEndResult(
    SourceFile source, Optional<NetworkFile> model, List<Diagnostic> diagnostics) {

  public FrontEndResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True if any diagnostic is an error (then {@link #model()} is empty). */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
