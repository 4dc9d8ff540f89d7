package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.source.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error corpus: each {@code errors/<case>.nn} opens with its expected diagnostics as {@code //
 * expect: line:column: severity: message} comments, and {@code <case>.err} beside it holds the full
 * rendered text, caret lines included. Run with {@code -Dnetc.updateErrors=true} to rewrite the
 * {@code .err} files (then review the diff).
 */
class ErrorCorpusTest {
  private static final String EXPECT = "// expect: ";

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".nn"))
          .map(n -> n.substring(0, n.length() - 3))
          .sorted()
          .toList()
          .stream();
    }
  }

  static Path corpus() throws URISyntaxException {
    return Path.of(ErrorCorpusTest.class.getResource("/errors").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name) throws Exception {
    Path file = corpus().resolve(name + ".nn");
    FrontEndResult result = NetcFrontEnd.check(file, name + ".nn");

    List<String> actual = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      actual.add(d.line() + ":" + d.column() + ": " + d.severity().label() + ": " + d.message());
    }
    assertEquals(String.join("\n", expectations(file)), String.join("\n", actual), name);
    assertEquals(result.hasErrors(), result.model().isEmpty(), "a model exactly when no error");

    String rendered = DiagnosticFormat.terminal(result.diagnostics());
    Path err = corpus().resolve(name + ".err");
    if (Boolean.getBoolean("netc.updateErrors")) {
      Files.writeString(
          Path.of("src/test/resources/errors", name + ".err"), rendered, StandardCharsets.UTF_8);
    }
    assertTrue(
        Files.exists(err), "missing " + err + ": run with -Dnetc.updateErrors=true and review it");
    assertEquals(Files.readString(err, StandardCharsets.UTF_8), rendered, name + ".err");
  }

  /** The {@code // expect:} lines at the top of a case (a case may be bad UTF-8). */
  private static List<String> expectations(Path file) throws IOException {
    String text = SourceFile.read(file, "x").text();
    List<String> expected = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      if (!line.startsWith(EXPECT)) {
        break;
      }
      expected.add(line.substring(EXPECT.length()));
    }
    return expected;
  }

  @Test
  void everyKindHasACase() throws Exception {
    Set<DiagnosticKind> seen = EnumSet.noneOf(DiagnosticKind.class);
    for (String name : cases().toList()) {
      Path file = corpus().resolve(name + ".nn");
      NetcFrontEnd.check(file, name).diagnostics().forEach(d -> seen.add(d.kind()));
    }
    Set<DiagnosticKind> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
    assertTrue(missing.isEmpty(), "no corpus case for " + missing);
  }

  @Test
  void corpusIsLargeEnough() throws Exception {
    assertFalse(cases().count() < 45, "at least 45 cases");
  }
}
