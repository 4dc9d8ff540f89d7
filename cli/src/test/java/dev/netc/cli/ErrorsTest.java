package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The error paths: what the user sees and the exit code, never a stack trace. */
class ErrorsTest {
  static final Path IRIS_NN = Cli.resource("iris.nn");
  static final Path IRIS_CSV = Cli.sampleData("iris.csv");

  @TempDir Path dir;

  @Test
  void unknownFlagIsBadUsage() {
    Cli.Run run = Cli.run("check", IRIS_NN, "--bogus");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Unknown option: '--bogus'"), run::toString);
    assertTrue(run.err().contains("Usage: netc check"), run::toString);
  }

  @Test
  void missingArgumentIsBadUsage() {
    Cli.Run run = Cli.run("train", IRIS_NN);
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Missing required option: '--data=TRAIN.csv'"), run::toString);
  }

  @Test
  void missingNetworkFileIsASystemError() {
    Path missing = dir.resolve("nothere.nn");
    Cli.Run run = Cli.run("check", missing);
    assertEquals(3, run.exitCode(), run::toString);
    assertEquals(
        "netc: cannot read network file " + missing + ": no such file (check the path)\n",
        run.err());
  }

  @Test
  void missingDataFileIsASystemError() {
    Cli.Run run = Cli.run("train", IRIS_NN, "--data", dir.resolve("nothere.csv"));
    assertEquals(3, run.exitCode(), run::toString);
    assertTrue(run.err().contains("cannot read data file"), run::toString);
  }

  @Test
  void malformedNetworkFileGivesTheDiagnosticWithLineAndColumn() {
    Path bad = Cli.resource("bad.nn");
    Cli.Run run = Cli.run("check", bad);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        bad
            + ":3:13: error: unknown activation 'tahn' (did you mean 'tanh'?)\n"
            + "    dense 8 tahn;\n"
            + "            ^\n"
            + "1 error\n",
        run.err());
    Cli.Run train = Cli.run("train", bad, "--data", IRIS_CSV);
    assertEquals(1, train.exitCode(), train::toString);
    assertTrue(train.err().startsWith(bad + ":3:13: error: unknown activation"), train::toString);
  }

  @Test
  void aNetworkFileThatIsNotUtf8IsTheCompilersLocatedDiagnostic() throws Exception {
    Path latin1 = dir.resolve("cafe.nn");
    String text =
        "network Cafe {\n    input 2; // caf\u00e9\n    dense 1 sigmoid;\n"
            + "    loss binary_cross_entropy;\n}\n";
    Files.write(latin1, text.getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run run = Cli.run("check", latin1);
    assertEquals(1, run.exitCode(), run::toString);
    // The same message, line and column as the Maven plugin gives (its GenerationRunTest).
    assertTrue(
        run.err()
            .startsWith(
                latin1
                    + ":2:20: error: the file is not UTF-8 text: the byte"
                    + " at offset 34 cannot be decoded; save the file as UTF-8\n"),
        run::toString);
    assertTrue(run.err().endsWith("1 error\n"), run::toString);
  }

  @Test
  void checkAppliesTheNamingRulesOfTheGeneratedCode() throws Exception {
    Path math = dir.resolve("math.nn");
    Files.writeString(
        math,
        "network Math {\n    input 2;\n    dense 1 sigmoid;\n"
            + "    loss binary_cross_entropy;\n}\n");
    Cli.Run run = Cli.run("check", math);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err()
            .startsWith(
                math
                    + ":1:9: error: network name 'Math' would hide"
                    + " java.lang.Math, which the generated class uses: choose another, for example"
                    + " 'MathNet'\n"),
        run::toString);
  }

  @Test
  void checkFindsTwoFilesThatGenerateTheSameClass() throws Exception {
    String net =
        "network Same {\n    input 2;\n    dense 1 sigmoid;\n"
            + "    loss binary_cross_entropy;\n}\n";
    Path a = dir.resolve("a.nn");
    Path b = dir.resolve("b.nn");
    Files.writeString(a, net);
    Files.writeString(b, net);
    Cli.Run run = Cli.run("check", a, b);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err()
            .startsWith(
                b
                    + ":1:9: error: network 'Same' generates class Same, which"
                    + " the network at "
                    + a
                    + ":1:9 also generates; rename one of them or give their files"
                    + " different packages\n"),
        run::toString);
    assertEquals("", run.out());
  }

  @Test
  void malformedCsvNamesTheLineAndColumn() throws Exception {
    Path weights = dir.resolve("iris.json");
    Cli.Run train =
        Cli.run("train", IRIS_NN, "--data", IRIS_CSV, "--epochs", "1", "--out", weights);
    assertEquals(0, train.exitCode(), train::toString);
    Path csv = dir.resolve("bad.csv");
    Files.writeString(
        csv,
        "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,label\n"
            + "1,2,3,4,0\n1,2,x,4,1\n");
    Cli.Run run = Cli.run("eval", IRIS_NN, "--weights", weights, "--data", csv);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: "
            + csv
            + ", line 3, column 3 (petal_length_cm): expected a number, got"
            + " \"x\"\n",
        run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace");

    Path huge = dir.resolve("huge.csv");
    Files.writeString(huge, "a,b,c,d,label\n1,2,3,4,0\n1,2,1e999,4,1\n");
    Cli.Run out = Cli.run("train", IRIS_NN, "--data", huge);
    assertEquals(1, out.exitCode(), out::toString);
    assertEquals(
        "netc: " + huge + ", line 3, column 3 (c): number out of range: \"1e999\"\n", out.err());
  }

  @Test
  void csvThatDoesNotFitTheNetworkListsTheEncodedInputs() throws Exception {
    Path csv = dir.resolve("wide.csv");
    Files.writeString(csv, "a,b,c,label\n1,2,3,0\n1,2,3,1\n");
    Cli.Run run = Cli.run("train", IRIS_NN, "--data", csv);
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: "
            + csv
            + " encodes to 3 inputs but IrisNet takes 4. The inputs: a, b, c"
            + " (each numeric column one input). Set the network's input to 3, or choose the columns"
            + " with --label, --targets, --ignore and --categorical.\n",
        run.err());

    Path words = dir.resolve("words.csv");
    Files.writeString(words, "a,b,c,d,label\n1,2,3,4,0\n1,2,x,4,1\n");
    Cli.Run categorical = Cli.run("train", IRIS_NN, "--data", words);
    assertEquals(1, categorical.exitCode(), categorical::toString);
    assertEquals(
        "netc: "
            + words
            + " encodes to 5 inputs but IrisNet takes 4. The inputs: a, b,"
            + " c=3, c=x, d (each numeric column one input; each categorical column one per value:"
            + " c 2). Set the network's input to 5, or choose the columns with --label, --targets,"
            + " --ignore and --categorical.\n",
        categorical.err());
  }

  @Test
  void missingValuesCanBeRefusedWithTheirRowAndColumn() throws Exception {
    Path csv = dir.resolve("gaps.csv");
    Files.writeString(csv, "a,b,c,d,label\n1,2,3,4,0\n1,NA,3,4,1\n");
    Cli.Run run = Cli.run("train", IRIS_NN, "--data", csv, "--missing", "error");
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: "
            + csv
            + ", line 3, column 2 (b): missing value \"NA\" (this data must"
            + " be complete)\n",
        run.err());
    Cli.Run bad = Cli.run("train", IRIS_NN, "--data", csv, "--missing", "skip");
    assertEquals(1, bad.exitCode(), bad::toString);
    assertEquals("netc: --missing skip: expected impute, error or drop\n", bad.err());
  }

  @Test
  void weightsOfAnotherNetworkSayWhatDiffers() {
    Path weights = dir.resolve("iris.json");
    Cli.Run train =
        Cli.run("train", IRIS_NN, "--data", IRIS_CSV, "--epochs", "1", "--out", weights);
    assertEquals(0, train.exitCode(), train::toString);
    Cli.Run run =
        Cli.run("eval", Cli.resource("other.nn"), "--weights", weights, "--data", IRIS_CSV);
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("was saved from a different network"), run::toString);
    assertTrue(run.err().contains("'8 tanh' in the file, '5 tanh' in IrisNet"), run::toString);
    assertFalse(run.err().contains("\tat "), "no stack trace");
  }

  @Test
  void badOptionValuesNameTheFlag() {
    Cli.Run run = Cli.run("train", IRIS_NN, "--data", IRIS_CSV, "--test-fraction", "1.5");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err().startsWith("netc: --test-fraction 1.5: must be a fraction between 0 and" + " 1"),
        run::toString);
  }

  /** A command with a bug. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the plan has no layers");
    }
  }

  @Test
  void aBugIsAnInternalErrorOnOneLine() {
    CommandLine cli = Main.commandLine();
    cli.addSubcommand("boom", new Boom());
    Cli.Run run = Cli.run(cli, "boom");
    assertEquals(4, run.exitCode(), run::toString);
    assertEquals(
        "netc: internal error: java.lang.IllegalStateException: the plan has no layers"
            + " (this is a bug in netc; run again with --verbose for the stack trace and report it)\n",
        run.err());
    CommandLine verbose = Main.commandLine();
    verbose.addSubcommand("boom", new Boom());
    Cli.Run traced = Cli.run(verbose, "boom", "--verbose");
    assertEquals(4, traced.exitCode(), traced::toString);
    assertTrue(traced.err().contains("\tat dev.netc.cli.ErrorsTest$Boom.call"), traced::toString);
  }

  @Test
  void noCommandIsBadUsage() {
    Cli.Run run = Cli.run();
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Missing command"), run::toString);
  }

  @Test
  void verboseShowsTheStackTrace() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "a,b,c,d,label\n1,2,3,4,0\n1,2,1e999,4,1\n");
    Cli.Run run = Cli.run("train", IRIS_NN, "--data", csv, "--verbose");
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("\tat dev.netc."), run::toString);
  }
}
