package dev.netc.grammar.diag;

import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one file while the front end runs, and hands them out sorted, at
 * most {@link #LIMIT} errors, then one {@link DiagnosticKind#TOO_MANY_ERRORS} line with the count
 * of the rest (DSL.md, "Errors"). Memory stays bounded however many errors a file has: only the
 * earliest errors are kept. Not thread-safe; one per file.
 */
public final class DiagnosticCollector {
  /** The most errors reported for one file. */
  public static final int LIMIT = 100;

  private final SourceFile source;
  private final List<Diagnostic> errors = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private long errorCount;

  /** A collector for diagnostics about {@code source}. */
  public DiagnosticCollector(SourceFile source) {
    this.source = source;
  }

  /** The file reported on. */
  public SourceFile source() {
    return source;
  }

  /** Records a diagnostic of {@code kind} (its severity is the kind's). */
  public void report(DiagnosticKind kind, Span span, String message) {
    Diagnostic diagnostic = Diagnostic.of(kind, source, span, message);
    if (diagnostic.isError()) {
      errorCount++;
      add(errors, diagnostic);
    } else {
      add(warnings, diagnostic);
    }
  }

  private static void add(List<Diagnostic> list, Diagnostic diagnostic) {
    list.add(diagnostic);
    if (list.size() >= 4 * LIMIT) {
      list.sort(Diagnostic.BY_POSITION);
      list.subList(LIMIT, list.size()).clear();
    }
  }

  /** True once any error was reported. */
  public boolean hasErrors() {
    return errorCount > 0;
  }

  /** How many errors were reported, including those beyond the limit. */
  public long errorCount() {
    return errorCount;
  }

  /**
   * The diagnostics sorted by line and column: at most {@link #LIMIT} errors, the warnings among
   * them, then a line counting the errors left out, if any.
   */
  public List<Diagnostic> sorted() {
    List<Diagnostic> keptErrors = new ArrayList<>(errors);
    keptErrors.sort(Diagnostic.BY_POSITION);
    Diagnostic firstLeftOut = keptErrors.size() > LIMIT ? keptErrors.get(LIMIT) : null;
    if (keptErrors.size() > LIMIT) {
      keptErrors.subList(LIMIT, keptErrors.size()).clear();
    }
    List<Diagnostic> all = new ArrayList<>(keptErrors);
    for (Diagnostic warning : warnings) {
      if (firstLeftOut == null || Diagnostic.BY_POSITION.compare(warning, firstLeftOut) < 0) {
        all.add(warning);
      }
    }
    all.sort(Diagnostic.BY_POSITION);
    if (all.size() > 2 * LIMIT) {
      all.subList(2 * LIMIT, all.size()).clear();
    }
    long leftOut = errorCount - keptErrors.size();
    if (leftOut > 0) {
      Span at = firstLeftOut == null ? all.get(all.size() - 1).span() : firstLeftOut.span();
      all.add(
          Diagnostic.of(
              DiagnosticKind.TOO_MANY_ERRORS,
              source,
              at,
              leftOut + (leftOut == 1 ? " more error" : " more errors")
                  + " not shown; fix the errors above and check again"));
    }
    return List.copyOf(all);
  }
}
