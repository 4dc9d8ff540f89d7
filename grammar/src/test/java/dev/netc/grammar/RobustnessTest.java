package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.DenseLayer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs, one by one: each gets a diagnostic or is accepted, never an exception. */
class RobustnessTest {

  private static List<DiagnosticKind> kinds(FrontEndResult result) {
    return result.diagnostics().stream().map(Diagnostic::kind).toList();
  }

  @Test
  void emptyFile() {
    FrontEndResult result = Check.result("");
    assertEquals(List.of(DiagnosticKind.NO_NETWORK), kinds(result));
    assertEquals(1, result.diagnostics().get(0).line());
    assertEquals(1, result.diagnostics().get(0).column());
    assertTrue(result.model().isEmpty());
  }

  @Test
  void onlyWhitespaceAndAByteOrderMark() {
    assertEquals(List.of(DiagnosticKind.NO_NETWORK), kinds(Check.result("\uFEFF \r\n\t\n")));
  }

  @Test
  void tenMegabyteFileOfExplicitWeights() {
    int n = 1250;
    StringBuilder text = new StringBuilder("network Big {\n  input " + n + ";\n");
    text.append("  dense ").append(n).append(" tanh {\n    weights = [\n");
    for (int i = 0; i < n; i++) {
      text.append("      [");
      for (int j = 0; j < n; j++) {
        text.append(j == 0 ? "" : ", ").append("0.").append((i * 7 + j * 13) % 1000);
      }
      text.append(i == n - 1 ? "]\n" : "],\n");
    }
    text.append("    ];\n  }\n  dense 1 sigmoid;\n  loss binary_cross_entropy;\n}\n");
    assertTrue(text.length() > 10_000_000, "file of " + text.length() + " characters");

    Network net = Check.network(text.toString());
    DenseLayer layer = net.layers().get(0);
    assertEquals(n, layer.weights().orElseThrow().rows());
    assertEquals(n, layer.weights().orElseThrow().cols());
    assertEquals(0.13, layer.weights().orElseThrow().get(0, 1));
    assertEquals(0.7, layer.weights().orElseThrow().get(100, 0));
  }

  @Test
  void aMillionOpeningBrackets() {
    String text =
        "network N { input 2; dense 1 sigmoid { weights = " + "[".repeat(1_000_000) + " } }";
    FrontEndResult result = Check.result(text);
    assertTrue(result.hasErrors());
    assertTrue(kinds(result).contains(DiagnosticKind.SYNTAX));
  }

  @Test
  void aMegabyteOfStrayCharactersStopsAtOneHundredErrors() {
    StringBuilder text = new StringBuilder();
    while (text.length() < 1_000_000) {
      text.append("@ # ");
    }
    FrontEndResult result = Check.result(text.toString());
    assertEquals(101, result.diagnostics().size());
    Diagnostic last = result.diagnostics().get(100);
    assertEquals(DiagnosticKind.TOO_MANY_ERRORS, last.kind());
    assertTrue(
        last.message().startsWith((500_000 + 1 - 100) + " more errors not shown"), last.message());
  }

  @Test
  void binaryGarbageIsNotUtf8() {
    byte[] bytes = new byte[100_000];
    new Random(42).nextBytes(bytes);
    FrontEndResult result = NetcFrontEnd.check(SourceFile.decode("garbage.bin", bytes));
    assertEquals(List.of(DiagnosticKind.UNREADABLE_TEXT), kinds(result));
    assertTrue(result.model().isEmpty());
  }

  @Test
  void binaryGarbageThatIsValidUtf8() {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      text.appendCodePoint(random.nextInt(0x3000));
    }
    FrontEndResult result = Check.result(text.toString());
    assertTrue(result.hasErrors());
    assertTrue(result.diagnostics().size() <= 101);
  }

  @Test
  void readingAFileWithBadBytesGivesADiagnosticNotAnException(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("bad.nn");
    byte[] head = "network N {\n  input 2; // \u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3; // a lead byte without its continuation
    bytes[head.length + 1] = '\n';
    Files.write(file, bytes);
    FrontEndResult result = NetcFrontEnd.check(file, "bad.nn");
    assertEquals(List.of(DiagnosticKind.UNREADABLE_TEXT), kinds(result));
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(2, d.line());
    assertEquals(16, d.column());
    assertEquals(
        "the file is not UTF-8 text: the byte at offset "
            + head.length
            + " cannot be decoded; save the file as UTF-8",
        d.message());
  }

  @Test
  void readingAValidFileWithByteOrderMark(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ok.nn");
    Files.write(
        file,
        ("\uFEFFnetwork N {\r\n input 2;\r\n dense 1 sigmoid;\r\n loss squared_error;\r\n}\r\n")
            .getBytes(StandardCharsets.UTF_8));
    SourceFile source = SourceFile.read(file, "ok.nn");
    assertFalse(source.text().startsWith("\uFEFF"));
    assertTrue(source.decodingError().isEmpty());
    assertTrue(NetcFrontEnd.check(source).model().isPresent());
  }

  @Test
  void aByteTheGivenCharsetRejectsIsALocatedDiagnosticNamingTheCharset() {
    byte[] bytes = "network N {\n  input 2; // caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    SourceFile source = SourceFile.decode("latin.nn", bytes, StandardCharsets.US_ASCII);
    FrontEndResult result = NetcFrontEnd.check(source);
    assertEquals(List.of(DiagnosticKind.UNREADABLE_TEXT), kinds(result));
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(2, d.line());
    assertEquals(18, d.column());
    assertEquals(
        "the file is not US-ASCII text: the byte at offset 29 cannot be decoded; save the file as"
            + " US-ASCII",
        d.message());
  }

  @Test
  void theSameBytesReadInTheirOwnCharsetAreText() {
    String text = "network Caf\u00e9 { input 2; dense 1 sigmoid; loss squared_error; }\n";
    SourceFile source =
        SourceFile.decode(
            "latin.nn", text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    assertTrue(source.decodingError().isEmpty());
    assertEquals(text, source.text());
  }

  @Test
  void utf16WithByteOrderMarkDecodes(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("wide.nn");
    Files.write(
        file,
        "network N { input 2; dense 1 sigmoid; loss squared_error; }\n"
            .getBytes(StandardCharsets.UTF_16));
    SourceFile source = SourceFile.read(file, "wide.nn", StandardCharsets.UTF_16);
    assertTrue(source.decodingError().isEmpty());
    assertTrue(NetcFrontEnd.check(source).model().isPresent());
  }

  @Test
  void missingFileIsAnIoException(@TempDir Path dir) {
    org.junit.jupiter.api.Assertions.assertThrows(
        IOException.class, () -> SourceFile.read(dir.resolve("none.nn"), "none.nn"));
  }

  @Test
  void hugeNumbersEverywhere() {
    String huge = "9".repeat(2_000_000);
    FrontEndResult result =
        Check.result(
            "network N { input "
                + huge
                + "; dense 1."
                + huge
                + " tanh; dense 1 linear("
                + huge
                + "); loss squared_error; init xavier(seed = "
                + huge
                + "); }");
    assertEquals(
        List.of(
            DiagnosticKind.SIZE_TOO_LARGE,
            DiagnosticKind.SIZE_NOT_INTEGER,
            DiagnosticKind.TOO_MANY_ARGUMENTS,
            DiagnosticKind.INVALID_SEED),
        kinds(result));
  }

  @Test
  void nanAndInfinityInWeights() {
    FrontEndResult result =
        Check.result(
            "network N { input 2; dense 1 sigmoid { weights = [[NaN, -Infinity]];"
                + " bias = [1e999]; } loss squared_error; }");
    assertEquals(
        List.of(
            DiagnosticKind.NON_FINITE_NUMBER,
            DiagnosticKind.NON_FINITE_NUMBER,
            DiagnosticKind.NUMBER_OUT_OF_RANGE),
        kinds(result));
  }

  @Test
  void nonAsciiIdentifiers() {
    FrontEndResult result =
        Check.result(
            "network R\u00e9seau { input 2; dense 1 sigmoid as \u5c42; loss squared_error; }");
    assertEquals(
        List.of(DiagnosticKind.NON_ASCII_NAME, DiagnosticKind.NON_ASCII_NAME), kinds(result));
  }
}
