package dev.netc.grammar.diag;

import dev.netc.grammar.model.Span;
import dev.netc.grammar.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one file while the front end runs, and hands them out sorted, at most
 * {@link #LIMIT} errors, then one {@link DiagnosticKind#TOO_MANY_ERRORS} line with the count of the
 * rest (docs/language.md, "Errors"). Memory stays bounded however many errors a file has: only the
 * earliest are kept. Not thread-safe; one per file.
 */
public final class DiagnosticCollector {
  /** The most errors reported for one file. */
  public static final int LIMIT = 100;

  private final SourceFile source;
  private final Earliest errors = new Earliest();
  private final Earliest warnings = new Earliest();
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
      errors.add(diagnostic);
    } else {
      warnings.add(diagnostic);
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
    List<Diagnostic> keptErrors = errors.sorted();
    Diagnostic firstLeftOut = keptErrors.size() > LIMIT ? keptErrors.get(LIMIT) : null;
    if (keptErrors.size() > LIMIT) {
      keptErrors = keptErrors.subList(0, LIMIT);
    }
    List<Diagnostic> all = new ArrayList<>(keptErrors);
    for (Diagnostic warning : warnings.sorted()) {
      if (firstLeftOut == null || Diagnostic.BY_POSITION.compare(warning, firstLeftOut) < 0) {
        all.add(warning);
      }
    }
    all.sort(Diagnostic.BY_POSITION);
    long leftOut = errorCount - keptErrors.size();
    if (leftOut > 0) {
      Span at = firstLeftOut == null ? all.get(all.size() - 1).span() : firstLeftOut.span();
      all.add(
          Diagnostic.of(
              DiagnosticKind.TOO_MANY_ERRORS,
              source,
              at,
              leftOut
                  + (leftOut == 1 ? " more error" : " more errors")
                  + " not shown; fix the errors above and check again"));
    }
    return List.copyOf(all);
  }

  /**
   * Keeps the LIMIT + 1 earliest diagnostics added (one more than shown, to place the count line).
   * After a trim, anything at or after the last kept one cannot be among the earliest and is
   * dropped at once, so a file with millions of errors costs little more than it takes to read.
   */
  private static final class Earliest {
    private static final int KEEP = LIMIT + 1;
    private final List<Diagnostic> kept = new ArrayList<>();
    private Diagnostic cutoff;

    void add(Diagnostic diagnostic) {
      if (cutoff != null && Diagnostic.BY_POSITION.compare(diagnostic, cutoff) >= 0) {
        return;
      }
      kept.add(diagnostic);
      if (kept.size() >= 4 * KEEP) {
        kept.sort(Diagnostic.BY_POSITION);
        kept.subList(KEEP, kept.size()).clear();
        cutoff = kept.get(KEEP - 1);
      }
    }

    List<Diagnostic> sorted() {
      List<Diagnostic> copy = new ArrayList<>(kept);
      copy.sort(Diagnostic.BY_POSITION);
      return copy.size() > KEEP ? new ArrayList<>(copy.subList(0, KEEP)) : copy;
    }
  }
}
