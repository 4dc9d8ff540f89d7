package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.DiagnosticKind;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Codes of diagnostic kinds are stable and never shared (ANTLR's AllErrorCodesDistinct). */
class DiagnosticKindTest {
  @Test
  void allCodesDistinct() {
    Set<Integer> codes =
        Arrays.stream(DiagnosticKind.values())
            .map(DiagnosticKind::code)
            .collect(Collectors.toSet());
    assertEquals(DiagnosticKind.values().length, codes.size());
  }

  @Test
  void codesArePositive() {
    assertTrue(Arrays.stream(DiagnosticKind.values()).allMatch(k -> k.code() > 0));
  }

  @Test
  void firstCodesKeepTheirNumbers() {
    assertEquals(1, DiagnosticKind.UNREADABLE_TEXT.code());
    assertEquals(2, DiagnosticKind.SYNTAX.code());
  }
}
