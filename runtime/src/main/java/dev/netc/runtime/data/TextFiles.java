package dev.netc.runtime.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reading the lines of a text data file, with the errors every loader gives. */
final class TextFiles {
  static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

  private TextFiles() {}

  /** All lines of a UTF-8 file; binary or missing files become {@link DataException}s. */
  static List<String> lines(Path file, String expected) {
    String source = file.toString();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).indexOf('\0') >= 0) {
          throw new DataException(source, "is not " + expected + " (binary data)");
        }
      }
      if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
        lines.set(0, lines.get(0).substring(1));
      }
      if (lines.stream().allMatch(String::isBlank)) {
        throw new DataException(source, "the file is empty (expected " + expected + ")");
      }
      return lines;
    } catch (CharacterCodingException e) {
      throw new DataException(source, "is not " + expected + " (not UTF-8 text; binary data?)", e);
    } catch (NoSuchFileException e) {
      throw new DataException(source, "file not found", e);
    } catch (IOException e) {
      throw new DataException(source, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** A finite number in decimal notation, or a {@link DataException} at the given place. */
  static double number(String value, String source, long line, String column) {
    if (value.isEmpty() || value.equals("?")) {
      throw new DataException(source, line, column, "missing value (expected a number)");
    }
    if (!isNumber(value)) {
      throw new DataException(source, line, column, "expected a number, got \"" + value + "\"");
    }
    double x = Double.parseDouble(value);
    if (!Double.isFinite(x)) {
      throw new DataException(source, line, column, "number out of range: \"" + value + "\"");
    }
    return x;
  }

  /**
   * {@code value} as a double if it is a finite number in decimal notation ({@link #isNumber}),
   * else NaN; {@link #number} says what is wrong. Does not allocate.
   */
  static double parseOrNaN(String value) {
    if (!isNumber(value)) {
      return Double.NaN;
    }
    double x = Double.parseDouble(value);
    return Double.isFinite(x) ? x : Double.NaN;
  }

  /**
   * Whether {@code s} is a number in decimal notation, {@code [+-]?(d+.?d*|.d+)([eE][+-]?d+)?} with
   * {@code d} an ASCII digit: no hexadecimal, no {@code NaN} or {@code Infinity}, no spaces, no
   * Java suffixes such as {@code 1d}. Scans without allocating (it runs once per value of every
   * row).
   */
  static boolean isNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
