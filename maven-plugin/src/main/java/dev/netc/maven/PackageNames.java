package dev.netc.maven;

import dev.netc.grammar.check.JavaNames;
import java.util.Optional;

/**
 * The Java package of a file that declares none, following the ANTLR 4 plugin: its folder below the
 * source folder ({@code com/acme/iris.nn} gives {@code com.acme}); a file at the top of the source
 * folder gets the configured {@code packageName}, else the default package. (A file's own {@code
 * package} declaration always wins; the compiler applies it.)
 */
final class PackageNames {
  private PackageNames() {}

  /**
   * The package for a file, or a message saying why its folder is no package.
   *
   * @param relativePath the file below the source folder, {@code /}-separated
   * @param configured the {@code packageName} parameter, if set
   */
  static Resolved resolve(String relativePath, Optional<String> configured) {
    int slash = relativePath.lastIndexOf('/');
    if (slash < 0) {
      return new Resolved(configured, configured.isPresent() ? "packageName" : "none", null);
    }
    String folder = relativePath.substring(0, slash);
    for (String segment : folder.split("/", -1)) {
      if (segment.contains(".") || !JavaNames.isPackageName(segment)) {
        return new Resolved(
            Optional.empty(),
            "folder",
            "folder '"
                + folder
                + "' is no Java package ('"
                + segment
                + "' is not a Java"
                + " identifier): add a package declaration to the file or rename the folder");
      }
    }
    return new Resolved(Optional.of(folder.replace('/', '.')), "folder", null);
  }

  /**
   * A resolved package.
   *
   * @param packageName the package, if any
   * @param source which rule gave it ({@code folder}, {@code packageName} or {@code none})
   * @param error why the folder is no package, or null
   */
  record Resolved(Optional<String> packageName, String source, String error) {}
}
