package dev.netc.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticCollector;
import dev.netc.grammar.diag.DiagnosticFormat;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No input crashes the front end: random bytes, random text over the language's characters, and
 * thousands of mutations of valid files always give a model or diagnostics, never an exception, and
 * a model exactly when there is no error. Inputs come from seeded generators, so every run checks
 * the same 5300 cases and a failure names the seed and the input.
 */
class FrontEndPropertiesTest {

  /** Valid files to mutate. */
  private static final List<String> VALID =
      List.of(
          "// iris.nn\npackage com.example.iris;\n\nnetwork IrisNet {\n    input 4;\n"
              + "    dense 8 tanh;\n    dense 3 softmax;\n    loss cross_entropy;\n"
              + "    init xavier(seed = 7);\n    optimizer sgd(rate = 0.05, momentum = 0.9);\n}\n",
          "network SeedMazur {\n    input 2;\n    dense 2 sigmoid {\n"
              + "        weights = [[0.15, 0.2], [0.25, 0.3]];\n        bias = [0.35, 0.35];\n"
              + "    }\n    dense 2 sigmoid {\n        weights = [[0.4, 0.45], [0.5, 0.55]];\n"
              + "        bias = 0.6;\n    }\n    loss squared_error;\n"
              + "    optimizer sgd(rate = 0.5);\n}\n",
          "package a.network.input;\nnetwork A { input 3; dense 4 leaky_relu(0.2) as input;"
              + " dense 2 elu(a = 1) as hidden; dense 1 sigmoid; loss binary_cross_entropy;"
              + " init uniform(-1, 1, seed = 3); optimizer adam(0.01, beta2 = 0.99);"
              + " regularize l2(1e-4); clip norm(5); precision float; }\n"
              + "/* two */ network B { input 1; dense 1 linear; loss mean_squared_error;"
              + " optimizer rmsprop(rho = 0.8); clip value(max = 1); init he; }\n");

  /** Text a mutation may insert: hostile numbers, brackets, words, characters. */
  private static final List<String> INSERTS =
      List.of(
          "99999999999999999999",
          "1e999",
          "-1e-999",
          "NaN",
          "-Infinity",
          "Infinity",
          "0",
          "-0",
          "2.5",
          ".5",
          "1e99999999999",
          "[".repeat(500),
          "]".repeat(50),
          "[[",
          "]]",
          "{",
          "}",
          "(",
          ")",
          ";",
          ",",
          "=",
          ".",
          "-",
          "/*",
          "*/",
          "//",
          "#",
          "\u0000",
          "\u0007",
          "\r\n",
          "\r",
          "\t",
          "\uFEFF",
          "\u00e9t\u00e9",
          "\u2192",
          "\uD83D\uDE00",
          "\uD800",
          "network",
          "dense",
          "input",
          "loss",
          "init",
          "optimizer",
          "regularize",
          "clip",
          "precision",
          "weights",
          "bias",
          "as",
          "package",
          "softmax",
          "tahn",
          "class",
          "true",
          "sgd",
          "seed",
          "rate",
          "momentum",
          "nesterov",
          "x".repeat(300));

  private static final Pattern TOKEN =
      Pattern.compile("\\s+|[A-Za-z_][A-Za-z0-9_]*|-?[0-9.]+([eE][+-]?[0-9]+)?|.", Pattern.DOTALL);

  /** Characters of the language and a few beside it, for random text. */
  private static final String ALPHABET = "aentwkdsipulorh_019.-e[]{}();,= \n/*\u00e9\t";

  @Test
  void randomBytesNeverCrash() {
    forEachCase(
        1000,
        random -> {
          byte[] bytes = new byte[random.nextInt(400)];
          random.nextBytes(bytes);
          return bytes;
        },
        bytes -> NetcFrontEnd.check(SourceFile.decode("random.nn", bytes)));
  }

  @Test
  void randomTextOverTheLanguagesCharactersNeverCrashes() {
    forEachCase(
        1500,
        random -> {
          StringBuilder text = new StringBuilder();
          for (int i = random.nextInt(300); i > 0; i--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
          return text.toString();
        },
        text -> NetcFrontEnd.check(new SourceFile("random.nn", text)));
  }

  @Test
  void mutationsOfValidFilesNeverCrash() {
    forEachCase(
        2500,
        FrontEndPropertiesTest::mutant,
        text -> NetcFrontEnd.check(new SourceFile("mutant.nn", text)));
  }

  @Test
  void mutantsSurviveTheRoundTripThroughBytes() {
    forEachCase(
        300,
        FrontEndPropertiesTest::mutant,
        text ->
            NetcFrontEnd.check(
                SourceFile.decode("mutant.nn", text.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Runs {@code cases} inputs, each made from its own seeded generator (case i uses seed i, so a
   * failure names the seed that reproduces it), and checks every result is well formed.
   */
  private static <T> void forEachCase(
      int cases, Function<Random, T> input, Function<T, FrontEndResult> check) {
    for (int seed = 0; seed < cases; seed++) {
      T value = input.apply(new Random(seed));
      try {
        assertWellFormed(check.apply(value));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("case " + seed + " failed on input: " + show(value), e);
      }
    }
  }

  private static String show(Object value) {
    return value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
  }

  /** A valid file with 1 to 8 random edits. */
  static String mutant(Random random) {
    return mutate(VALID.get(random.nextInt(VALID.size())), random, 1 + random.nextInt(8));
  }

  /** Applies {@code count} random token edits: delete, duplicate, swap, insert, replace. */
  static String mutate(String valid, Random random, int count) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(valid);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    for (int i = 0; i < count && !tokens.isEmpty(); i++) {
      int at = random.nextInt(tokens.size());
      switch (random.nextInt(6)) {
        case 0 -> tokens.remove(at);
        case 1 -> tokens.add(at, tokens.get(at));
        case 2 -> {
          int other = random.nextInt(tokens.size());
          String t = tokens.get(at);
          tokens.set(at, tokens.get(other));
          tokens.set(other, t);
        }
        case 3 -> tokens.add(at, INSERTS.get(random.nextInt(INSERTS.size())));
        case 4 -> tokens.set(at, INSERTS.get(random.nextInt(INSERTS.size())));
        default -> tokens.set(at, tokens.get(at).replace("\n", "\r\n"));
      }
    }
    String text = String.join("", tokens);
    return random.nextInt(10) == 0 ? "\uFEFF" + text : text;
  }

  /** A model exactly when no error; every diagnostic in the file and printable. */
  static void assertWellFormed(FrontEndResult result) {
    assertNotNull(result);
    assertEquals(result.hasErrors(), result.model().isEmpty(), "a model exactly when no error");
    int lines = result.source().text().split("\n", -1).length;
    long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
    assertTrue(errors <= DiagnosticCollector.LIMIT + 1, "at most 100 errors and a count");
    for (Diagnostic d : result.diagnostics()) {
      assertTrue(d.line() >= 1 && d.line() <= lines, () -> "line of " + d);
      assertTrue(d.column() >= 1, () -> "column of " + d);
      assertTrue(!d.message().isEmpty() && d.message().equals(d.message().strip()), d::message);
      String rendered = DiagnosticFormat.terminal(d);
      assertTrue(rendered.startsWith(d.source().name() + ":" + d.line() + ":" + d.column()));
      if (d.kind() != DiagnosticKind.TOO_MANY_ERRORS) {
        assertEquals(3, rendered.split("\n", -1).length, rendered);
      }
    }
  }
}
