package dev.netc.grammar.check;

import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.diag.Suggestions;
import dev.netc.grammar.syntax.Positions;
import java.util.List;
import org.antlr.v4.runtime.Token;

/** Reports a statement or layer body item that starts with a word the language does not know. */
final class Unknowns {
  private Unknowns() {}

  /**
   * Reports {@code word}, with the closest of {@code known} or the list of them.
   *
   * @param what {@code statement} in a network, {@code item} in a layer body
   */
  static void report(
      Token word,
      List<String> known,
      String what,
      Positions positions,
      DiagnosticCollector diagnostics) {
    String where = what.equals("item") ? "a layer body" : "a network";
    String message =
        "unknown "
            + what
            + " '"
            + word.getText()
            + "'"
            + Suggestions.closest(word.getText(), known)
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse(": " + where + " has only " + String.join(", ", known));
    diagnostics.report(DiagnosticKind.UNKNOWN_STATEMENT, positions.of(word), message);
  }
}
