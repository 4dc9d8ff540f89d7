package dev.netc.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares numbers with the worked examples' tolerance, {@code |actual - expected| <= 1e-12 + 1e-9
 * |expected|}, and collects every mismatch so that a failure shows expected and actual side by side
 * (as llm.c's {@code check_tensor} does).
 */
final class Tolerance {
  private final List<String> mismatches = new ArrayList<>();
  private int checked;

  static boolean close(double actual, double expected) {
    return Math.abs(actual - expected) <= 1e-12 + 1e-9 * Math.abs(expected);
  }

  void check(String what, double actual, double expected) {
    checked++;
    if (!close(actual, expected)) {
      mismatches.add(
          String.format(
              Locale.ROOT,
              "%-40s expected %.17g actual %.17g (diff %.3g)",
              what,
              expected,
              actual,
              actual - expected));
    }
  }

  void check(String what, double[] actual, JsonNode expected) {
    if (actual.length != expected.size()) {
      mismatches.add(what + ": expected " + expected.size() + " values, got " + actual.length);
      return;
    }
    for (int i = 0; i < actual.length; i++) {
      check(what + "[" + i + "]", actual[i], expected.get(i).asDouble());
    }
  }

  void checkInt(String what, int actual, int expected) {
    checked++;
    if (actual != expected) {
      mismatches.add(what + ": expected " + expected + ", actual " + actual);
    }
  }

  int checked() {
    return checked;
  }

  List<String> mismatches() {
    return mismatches;
  }
}
