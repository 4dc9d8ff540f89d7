package dev.netc.maven;

import dev.netc.generator.GeneratedClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * With {@code generateTests}, one JUnit 5 test per network, next to it in the generated test
 * sources: its backward pass checked by one call of the runtime's {@code GradientCheck} (central
 * differences of the loss plus the l2 term; torch {@code gradcheck}'s tolerances for double, looser
 * ones for a {@code float} network) on at most 200 entries per tensor, so that a 100,000-parameter
 * network still checks in well under a second; and one training step that must change the
 * parameters and keep them finite. The test needs only the runtime and JUnit Jupiter on the
 * project's test classpath.
 */
final class GeneratedTests {
  private GeneratedTests() {}

  /** Where the test of {@code generated} goes below the test output folder. */
  static String relativePath(GeneratedClass generated) {
    String path = generated.relativePath();
    return path.substring(0, path.length() - ".java".length()) + "GradientTest.java";
  }

  /** The test's source text (ASCII). */
  static String source(GeneratedClass generated) {
    String qualified = generated.qualifiedName();
    int dot = qualified.lastIndexOf('.');
    String packageName = dot < 0 ? "" : qualified.substring(0, dot);
    String simpleName = qualified.substring(dot + 1);
    return template()
        .replace("%SOURCE%", generated.network().sourceName())
        .replace("%PACKAGE%", packageName.isEmpty() ? "" : "package " + packageName + ";\n\n")
        .replace("%NAME%", simpleName);
  }

  /** The test's text with {@code %SOURCE%}, {@code %PACKAGE%} and {@code %NAME%} to fill in. */
  private static String template() {
    try (InputStream in = GeneratedTests.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String TEMPLATE = "GradientTest.java.template";
}
