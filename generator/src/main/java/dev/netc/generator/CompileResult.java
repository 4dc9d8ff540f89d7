package dev.netc.generator;

import dev.netc.grammar.diag.Diagnostic;
import java.util.List;

/**
 * The outcome of compiling some files: the generated classes of every file without errors, and all
 * diagnostics of all files, sorted by file, line and column.
 */
public record CompileResult(List<GeneratedClass> classes, List<Diagnostic> diagnostics) {

  public CompileResult {
    classes = List.copyOf(classes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** True if any file had an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
