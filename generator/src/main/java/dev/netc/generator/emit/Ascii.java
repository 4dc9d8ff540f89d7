package dev.netc.generator.emit;

/**
 * Text for generated sources, which must be pure ASCII (javac on JDK 17 reads the platform
 * encoding).
 */
final class Ascii {
  private Ascii() {}

  /** A Java string literal for {@code text}, with every non-ASCII character as a Unicode escape. */
  static String string(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code text} for a comment: non-ASCII and control characters become {@code ?}, no comment end.
   */
  static String comment(String text) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      out.append(c < 0x20 || c > 0x7e || c == '\\' ? '?' : c);
    }
    return out.toString().replace("*/", "*?");
  }
}
