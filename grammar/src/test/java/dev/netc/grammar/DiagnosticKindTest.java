package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.diag.Severity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Codes of diagnostic kinds are stable and never shared (ANTLR's AllErrorCodesDistinct): the whole
 * table of names and codes is pinned here, so renumbering a kind, or reusing a retired code, fails
 * a test. A new kind adds its row.
 */
class DiagnosticKindTest {

  /** Every kind's name and code, in declaration order. */
  private static final Map<String, Integer> CODES =
      entries(
          Map.entry("UNREADABLE_TEXT", 1),
          Map.entry("SYNTAX", 2),
          Map.entry("STRAY_CHARACTER", 3),
          Map.entry("NON_ASCII_NAME", 4),
          Map.entry("UNTERMINATED_COMMENT", 5),
          Map.entry("NO_NETWORK", 6),
          Map.entry("TOO_MANY_ERRORS", 7),
          Map.entry("DUPLICATE_STATEMENT", 8),
          Map.entry("MISSING_STATEMENT", 9),
          Map.entry("SIZE_NOT_INTEGER", 10),
          Map.entry("SIZE_NOT_POSITIVE", 11),
          Map.entry("SIZE_TOO_LARGE", 12),
          Map.entry("TOO_MANY_WEIGHTS", 13),
          Map.entry("INVALID_SEED", 14),
          Map.entry("NUMBER_OUT_OF_RANGE", 15),
          Map.entry("NON_FINITE_NUMBER", 16),
          Map.entry("UNKNOWN_ACTIVATION", 17),
          Map.entry("UNKNOWN_LOSS", 18),
          Map.entry("UNKNOWN_INIT", 19),
          Map.entry("UNKNOWN_OPTIMIZER", 20),
          Map.entry("UNKNOWN_REGULARIZER", 21),
          Map.entry("UNKNOWN_CLIP", 22),
          Map.entry("UNKNOWN_PRECISION", 23),
          Map.entry("UNKNOWN_ARGUMENT", 24),
          Map.entry("TOO_MANY_ARGUMENTS", 25),
          Map.entry("DUPLICATE_ARGUMENT", 26),
          Map.entry("POSITIONAL_AFTER_NAMED", 27),
          Map.entry("MISSING_ARGUMENT", 28),
          Map.entry("ARGUMENT_OUT_OF_RANGE", 29),
          Map.entry("EMPTY_RANGE", 30),
          Map.entry("SOFTMAX_NOT_OUTPUT", 31),
          Map.entry("LOSS_NEEDS_SOFTMAX", 32),
          Map.entry("LOSS_NEEDS_SIGMOID", 33),
          Map.entry("WEIGHTS_SHAPE", 34),
          Map.entry("RAGGED_ROWS", 35),
          Map.entry("BIAS_SIZE", 36),
          Map.entry("INVALID_NETWORK_NAME", 37),
          Map.entry("DUPLICATE_NETWORK", 38),
          Map.entry("DUPLICATE_LAYER_NAME", 39),
          Map.entry("INVALID_PACKAGE", 40),
          Map.entry("WIDE_LAYER", 41),
          Map.entry("NESTEROV_WITHOUT_MOMENTUM", 42),
          Map.entry("SOFTMAX_SINGLE_UNIT", 43),
          Map.entry("NETWORK_NAME_CASE_CLASH", 44),
          Map.entry("UNKNOWN_STATEMENT", 45),
          Map.entry("ACTIVATION_NAME_TAKEN", 60),
          Map.entry("DUPLICATE_ACTIVATION", 61),
          Map.entry("UNKNOWN_FUNCTION", 62),
          Map.entry("UNKNOWN_VARIABLE", 63),
          Map.entry("PARAMETER_WITHOUT_DEFAULT", 64),
          Map.entry("RECURSIVE_ACTIVATION", 65),
          Map.entry("CONSTANT_ACTIVATION", 66),
          Map.entry("FUNCTION_ARGUMENTS", 67),
          Map.entry("EXPONENT_NOT_CONSTANT", 68),
          Map.entry("MISPLACED_COMPARISON", 69),
          Map.entry("INVALID_INPUT_PARAMETER", 70),
          Map.entry("DUPLICATE_PARAMETER", 71),
          Map.entry("ACTIVATION_IN_NETWORK", 73),
          Map.entry("EXPRESSION_TOO_LARGE", 74),
          Map.entry("INPUT_SHAPE", 80),
          Map.entry("WINDOW_SHAPE", 81),
          Map.entry("WINDOW_TOO_LARGE", 82),
          Map.entry("SHAPE_NOT_DIVISIBLE", 83),
          Map.entry("LAYER_AFTER_DENSE", 84),
          Map.entry("UNKNOWN_PADDING", 85),
          Map.entry("DROPOUT_ON_OUTPUT", 90),
          Map.entry("OPTION_AFTER_NAME", 91));

  /** Codes of retired kinds, which no kind may take again. */
  private static final Set<Integer> RETIRED = Set.of(72, 86, 87);

  /** The kinds that are warnings; every other kind is an error. */
  private static final Set<String> WARNINGS =
      Set.of(
          "WIDE_LAYER",
          "NESTEROV_WITHOUT_MOMENTUM",
          "SOFTMAX_SINGLE_UNIT",
          "NETWORK_NAME_CASE_CLASH",
          "CONSTANT_ACTIVATION");

  @SafeVarargs
  private static Map<String, Integer> entries(Map.Entry<String, Integer>... entries) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : entries) {
      assertEquals(null, map.put(e.getKey(), e.getValue()), "listed twice: " + e.getKey());
    }
    return map;
  }

  @Test
  void everyKindKeepsItsCode() {
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (DiagnosticKind kind : DiagnosticKind.values()) {
      actual.put(kind.name(), kind.code());
    }
    assertEquals(CODES, actual);
  }

  @Test
  void noKindTakesARetiredCode() {
    for (DiagnosticKind kind : DiagnosticKind.values()) {
      assertTrue(!RETIRED.contains(kind.code()), kind + " takes retired code " + kind.code());
    }
  }

  @Test
  void everyKindKeepsItsSeverity() {
    Set<String> warnings = new TreeSet<>();
    for (DiagnosticKind kind : DiagnosticKind.values()) {
      if (kind.severity() == Severity.WARNING) {
        warnings.add(kind.name());
      }
    }
    assertEquals(new TreeSet<>(WARNINGS), warnings);
  }

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
}
