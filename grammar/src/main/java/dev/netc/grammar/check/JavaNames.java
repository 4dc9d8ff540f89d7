package dev.netc.grammar.check;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What netc allows as a class name and as a package name: the language's ASCII names, minus what
 * Java reserves (JLS 17, 3.8 and 3.9), minus the {@code java.lang} classes generated code uses. The
 * checker and the Maven plugin (for packages derived from folders or configured) share these rules,
 * so generated sources stay ASCII and compile.
 */
public final class JavaNames {
  /** A NAME of the language. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Keywords (3.9), {@code _} included. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "_");

  /** The literals (3.10). */
  private static final Set<String> LITERALS = Set.of("true", "false", "null");

  /** Contextual keywords that may not name a type (3.9, TypeIdentifier). */
  private static final Set<String> RESTRICTED_TYPE_NAMES =
      Set.of("var", "yield", "record", "sealed", "permits");

  /**
   * The classes of {@code java.lang} that generated code names by their simple name: a network
   * class of that name would hide them in its own class ({@code Math.exp} would mean the network's
   * class) and in every class of its package ({@code @Override}, {@code String}). The generator's
   * tests check that its output names no other {@code java.lang} class.
   */
  private static final Set<String> GENERATED_CODE_NAMES =
      Set.of("Math", "System", "Double", "Float", "IllegalArgumentException", "Override", "String");

  private JavaNames() {}

  /**
   * True if a network class named {@code name} would hide a {@code java.lang} class that its
   * generated code names by its simple name.
   */
  public static boolean hidesGeneratedCodeName(String name) {
    return GENERATED_CODE_NAMES.contains(name);
  }

  /** Why {@code name} cannot be a Java class name, or null if it can (name is a NAME token). */
  public static String classNameProblem(String name) {
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
  public static String packagePartProblem(String part) {
    if (KEYWORDS.contains(part)) {
      return "is a Java keyword";
    } else if (LITERALS.contains(part)) {
      return "is a Java literal";
    }
    return null;
  }

  /**
   * True if {@code name} is a dot-separated package name whose every part is a NAME of the language
   * and no Java keyword or literal ({@code com.example.nets}).
   */
  public static boolean isPackageName(String name) {
    for (String part : name.split("\\.", -1)) {
      if (!NAME.matcher(part).matches() || packagePartProblem(part) != null) {
        return false;
      }
    }
    return true;
  }
}
