package dev.netc.grammar.check;

import java.util.Set;

/** What Java allows as a class name and as a part of a package name (JLS 17, 3.8 and 3.9). */
final class JavaNames {
  /** Keywords (3.9), {@code _} included. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
          "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
          "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
          "interface", "long", "native", "new", "package", "private", "protected", "public",
          "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
          "throw", "throws", "transient", "try", "void", "volatile", "while", "_");

  /** The literals (3.10). */
  private static final Set<String> LITERALS = Set.of("true", "false", "null");

  /** Contextual keywords that may not name a type (3.9, TypeIdentifier). */
  private static final Set<String> RESTRICTED_TYPE_NAMES =
      Set.of("var", "yield", "record", "sealed", "permits");

  private JavaNames() {}

  /** Why {@code name} cannot be a Java class name, or null if it can (name is a NAME token). */
  static String classNameProblem(String name) {
    if (KEYWORDS.contains(name)) {
      return "is a Java keyword";
    } else if (LITERALS.contains(name)) {
      return "is a Java literal";
    } else if (RESTRICTED_TYPE_NAMES.contains(name)) {
      return "is reserved in Java and cannot name a class";
    }
    return null;
  }

  /** Why {@code part} cannot be part of a Java package name, or null if it can. */
  static String packagePartProblem(String part) {
    if (KEYWORDS.contains(part)) {
      return "is a Java keyword";
    } else if (LITERALS.contains(part)) {
      return "is a Java literal";
    }
    return null;
  }
}
