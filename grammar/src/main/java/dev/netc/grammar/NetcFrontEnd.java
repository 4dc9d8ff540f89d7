package dev.netc.grammar;

import dev.netc.grammar.source.SourceFile;

/** The language front end: parse and check one {@code .nn} file. Stateless and thread-safe. */
public final class NetcFrontEnd {
  private NetcFrontEnd() {}

  /**
   * Parses and checks {@code source}. Never throws for any input text: every problem is a
   * diagnostic.
   */
  public static FrontEndResult check(SourceFile source) {
    throw new UnsupportedOperationException("front end not written yet (issue 2)");
  }
}
