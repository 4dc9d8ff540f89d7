package dev.netc.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the samples share: where the data is, and how numbers are printed. */
final class Samples {
  private Samples() {}

  /** The seed of every split, shuffle and data generator of the samples. */
  static final long SEED = 42;

  /**
   * The folder {@code samples/data}: the system property {@code netc.samples.data} (set by the
   * module's pom for tests and {@code exec:java}), else {@code samples/data} or {@code data} below
   * the working folder.
   */
  static Path dataDirectory() {
    String configured = System.getProperty("netc.samples.data");
    if (configured != null) {
      return Path.of(configured);
    }
    Path fromRoot = Path.of("samples", "data");
    return Files.isDirectory(fromRoot) ? fromRoot : Path.of("data");
  }

  /** A file of {@code samples/data}, with an error that says where it was looked for. */
  static Path dataFile(String name) {
    Path file = dataDirectory().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "no "
              + name
              + " in "
              + dataDirectory().toAbsolutePath()
              + ": run from the project root, or set -Dnetc.samples.data=<samples/data folder>");
    }
    return file;
  }

  /** A fraction as a percentage with two decimals. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
  }

  /** Seconds with one decimal. */
  static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }
}
