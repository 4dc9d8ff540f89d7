package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw tables on the command line: the published Palmer penguins CSV (words in island and sex, NA
 * values) trained, evaluated, predicted and cross-validated without any cleaning.
 */
class TabularTest {
  static final Path PENGUINS_NN = Cli.resource("penguins.nn");
  static final Path PENGUINS_CSV = Cli.sampleData("penguins.csv");

  @TempDir static Path shared;
  @TempDir Path dir;

  static Path trainCsv;
  static Path testCsv;
  static Path weights;
  static Cli.Run training;

  /** The species of each row of {@link #testCsv}. */
  static List<String> testSpecies = new ArrayList<>();

  /** Every fourth row is a test row; the rest train the network once for all tests. */
  @BeforeAll
  static void train() throws Exception {
    List<String> lines = Files.readAllLines(PENGUINS_CSV);
    List<String> train = new ArrayList<>(List.of(lines.get(0)));
    List<String> test = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      if (i % 4 == 0) {
        test.add(lines.get(i));
        testSpecies.add(lines.get(i).split(",")[0]);
      } else {
        train.add(lines.get(i));
      }
    }
    trainCsv = shared.resolve("train.csv");
    testCsv = shared.resolve("test.csv");
    Files.write(trainCsv, train);
    Files.write(testCsv, test);
    weights = shared.resolve("penguins.json");
    training =
        Cli.run(
            "train",
            PENGUINS_NN,
            "--data",
            trainCsv,
            "--label",
            "species",
            "--ignore",
            "year",
            "--test",
            testCsv,
            "--scale",
            "standard",
            "--seed",
            "42",
            "--out",
            weights);
  }

  @Test
  void theRawFileTrainsAndTheWeightFileCarriesItsEncoding() throws Exception {
    assertEquals(0, training.exitCode(), training::toString);
    Matcher accuracy =
        Pattern.compile("accuracy\\s+([0-9.]+)% \\((\\d+)/86\\)").matcher(training.out());
    assertTrue(accuracy.find(), training::toString);
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 97, training::toString);
    JsonNode file = new ObjectMapper().readTree(weights.toFile());
    assertEquals(2, file.get("version").intValue());
    assertEquals(
        "[\"island=Biscoe\",\"island=Dream\",\"island=Torgersen\",\"bill_length_mm\","
            + "\"bill_depth_mm\",\"flipper_length_mm\",\"body_mass_g\",\"sex=female\",\"sex=male\"]",
        file.get("features").toString());
    JsonNode preprocessing = file.get("preprocessing");
    assertEquals("species", preprocessing.get("label").textValue());
    assertEquals("[\"year\"]", preprocessing.get("ignored").toString());
    assertEquals(
        "{\"name\":\"sex\",\"type\":\"categorical\",\"values\":[\"female\",\"male\"]}",
        preprocessing.get("columns").get(5).toString());
  }

  @Test
  void predictWithAndWithoutTheLabelColumnGivesTheClassesEvalCounts() throws Exception {
    Cli.Run eval = Cli.run("eval", PENGUINS_NN, "--weights", weights, "--data", testCsv);
    assertEquals(0, eval.exitCode(), eval::toString);
    Matcher correct = Pattern.compile("accuracy\\s+[0-9.]+% \\((\\d+)/86\\)").matcher(eval.out());
    assertTrue(correct.find(), eval::toString);
    assertTrue(eval.out().contains("Adelie") && eval.out().contains("Gentoo"), eval::toString);
    assertTrue(
        training.out().contains(eval.out().substring(eval.out().indexOf("examples"))),
        "eval on the test file repeats train's test metrics\n" + training + "\n" + eval);

    Cli.Run labelled = Cli.run("predict", PENGUINS_NN, "--weights", weights, "--data", testCsv);
    assertEquals(0, labelled.exitCode(), labelled::toString);
    List<String> classes = classes(labelled.out());
    assertEquals(86, classes.size());
    int right = 0;
    for (int i = 0; i < classes.size(); i++) {
      right += classes.get(i).equals(testSpecies.get(i)) ? 1 : 0;
    }
    assertEquals(Integer.parseInt(correct.group(1)), right, "predict's classes are eval's");

    // The same rows without the label, columns in another order, one column more.
    List<String> lines = Files.readAllLines(testCsv);
    List<String> reordered = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(",", -1);
      reordered.add(String.join(",", f[6], f[5], f[4], f[3], f[2], f[1], f[7], "note"));
    }
    Path unlabelled = dir.resolve("unlabelled.csv");
    Files.write(unlabelled, reordered);
    Cli.Run raw = Cli.run("predict", PENGUINS_NN, "--weights", weights, "--data", unlabelled);
    assertEquals(0, raw.exitCode(), raw::toString);
    assertEquals(labelled.out(), raw.out());
  }

  private static List<String> classes(String csv) {
    return csv.lines().skip(1).map(line -> line.split(",")[1]).toList();
  }

  @Test
  void unseenCategoriesAreZerosWithANoteAndMissingColumnsAreNamed() throws Exception {
    Path odd = dir.resolve("odd.csv");
    Files.write(
        odd,
        List.of(
            "species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year",
            "Adelie,Atlantis,39.1,18.7,181,3750,male,2007",
            "Gentoo,Atlantis,47.6,14.5,215,5400,unknown,2009",
            "Gentoo,Biscoe,NA,?,,N/A,NA,2009"));
    Cli.Run eval = Cli.run("eval", PENGUINS_NN, "--weights", weights, "--data", odd);
    assertEquals(0, eval.exitCode(), eval::toString);
    assertTrue(
        eval.out()
            .startsWith(
                "note: "
                    + odd
                    + ": 2 rows of column island hold a value not"
                    + " seen in training (first: 'Atlantis'); such values encode as all zeros\nnote: "
                    + odd
                    + ": 1 row of column sex hold a value not seen in training (first: 'unknown'); such"
                    + " values encode as all zeros\n"),
        eval::toString);

    Path narrow = dir.resolve("narrow.csv");
    Files.write(narrow, List.of("species,island,sex", "Adelie,Dream,male"));
    Cli.Run missing = Cli.run("predict", PENGUINS_NN, "--weights", weights, "--data", narrow);
    assertEquals(1, missing.exitCode(), missing::toString);
    assertEquals(
        "netc: "
            + narrow
            + ": has no columns bill_length_mm, bill_depth_mm,"
            + " flipper_length_mm, body_mass_g, which the network was trained with (it needs the"
            + " columns island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex;"
            + " the header has: species, island, sex)\n",
        missing.err());

    Cli.Run wrongLabel =
        Cli.run("eval", PENGUINS_NN, "--weights", weights, "--data", testCsv, "--label", "island");
    assertEquals(2, wrongLabel.exitCode(), wrongLabel::toString);
    assertTrue(
        wrongLabel
            .err()
            .startsWith(
                "--label island: the label column of "
                    + weights
                    + " is 'species'; the weight file names the columns"),
        wrongLabel::toString);
  }

  @Test
  void missingValuesAreImputedDroppedOrRefused() {
    Cli.Run dropped =
        Cli.run(
            "train",
            PENGUINS_NN,
            "--data",
            PENGUINS_CSV,
            "--label",
            "species",
            "--ignore",
            "year",
            "--missing",
            "drop",
            "--epochs",
            "2",
            "--out",
            dir.resolve("d.json"));
    assertEquals(0, dropped.exitCode(), dropped::toString);
    assertTrue(
        dropped
            .out()
            .startsWith(
                "dropped 11 rows of 344 in "
                    + PENGUINS_CSV
                    + " with a missing value (--missing drop)\n"),
        dropped::toString);
    assertTrue(dropped.out().contains("on 333 examples"), dropped::toString);

    Cli.Run refused =
        Cli.run(
            "train",
            PENGUINS_NN,
            "--data",
            PENGUINS_CSV,
            "--label",
            "species",
            "--missing",
            "error");
    assertEquals(1, refused.exitCode(), refused::toString);
    assertEquals(
        "netc: "
            + PENGUINS_CSV
            + ", line 5, column 3 (bill_length_mm): missing value"
            + " \"NA\" (this data must be complete)\n",
        refused.err());
  }

  @Test
  void namedCategoricalColumnsAndTheWidthErrorListTheEncodedInputs() {
    Cli.Run run =
        Cli.run(
            "train",
            PENGUINS_NN,
            "--data",
            PENGUINS_CSV,
            "--label",
            "species",
            "--categorical",
            "year");
    assertEquals(1, run.exitCode(), run::toString);
    assertEquals(
        "netc: "
            + PENGUINS_CSV
            + " encodes to 12 inputs but PenguinNet takes 9. The"
            + " inputs: island=Biscoe, island=Dream, island=Torgersen, bill_length_mm, bill_depth_mm,"
            + " flipper_length_mm, body_mass_g, sex=female, sex=male, year=2007, year=2008, year=2009"
            + " (each numeric column one input; each categorical column one per value: island 3,"
            + " sex 2, year 3). Set the network's input to 12, or choose the columns with --label,"
            + " --targets, --ignore and --categorical.\n",
        run.err());
  }

  @Test
  void crossValidationPrintsEachFoldAndMeanAndSdTheSameEveryRun() {
    Object[] args = {
      "cv",
      PENGUINS_NN,
      "--data",
      PENGUINS_CSV,
      "--label",
      "species",
      "--ignore",
      "year",
      "--folds",
      "3",
      "--epochs",
      "5",
      "--scale",
      "standard",
      "--seed",
      "3"
    };
    Cli.Run run = Cli.run(args);
    assertEquals(0, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    assertEquals(
        "3-fold cross-validation of PenguinNet (9 -> 8 tanh -> 3 softmax) on "
            + PENGUINS_CSV
            + " (344 examples, stratified, seed 3):",
        lines.get(0));
    assertTrue(
        lines.get(1).matches("fold +train +test +epochs +loss +accuracy +macro F1"), lines.get(1));
    for (int f = 1; f <= 3; f++) {
      String[] cells = lines.get(2 + f).trim().split(" +");
      assertEquals(String.valueOf(f), cells[0]);
      assertEquals(344, Integer.parseInt(cells[1]) + Integer.parseInt(cells[2]), lines.get(2 + f));
      assertEquals("5", cells[3]);
    }
    assertTrue(
        lines
            .get(6)
            .matches(
                "mean \\+- sd +[0-9.]+ \\+- [0-9.]+ +[0-9.]+% \\+- [0-9.]+%"
                    + " +[0-9.]+% \\+- [0-9.]+%"),
        lines.get(6));
    double[] accuracies =
        lines.subList(3, 6).stream()
            .mapToDouble(line -> Double.parseDouble(line.trim().split(" +")[5].replace("%", "")))
            .toArray();
    String[] summary = lines.get(6).split(" +");
    assertEquals(
        String.format(
            java.util.Locale.ROOT, "%.2f%%", Arrays.stream(accuracies).average().orElseThrow()),
        summary[6]);
    assertEquals(run.out(), Cli.run(args).out(), "deterministic from --seed");
  }

  @Test
  void earlyStoppingAndSchedulesComeFromTheirFlags() throws Exception {
    Cli.Run run =
        Cli.run(
            "train",
            PENGUINS_NN,
            "--data",
            trainCsv,
            "--label",
            "species",
            "--ignore",
            "year",
            "--scale",
            "standard",
            "--epochs",
            "40",
            "--validate",
            "0.25",
            "--patience",
            "3",
            "--schedule",
            "step:0.5:10",
            "--out",
            dir.resolve("p.json"),
            "--report",
            dir.resolve("r.html"));
    assertEquals(0, run.exitCode(), run::toString);
    // step:0.5:10 halves the rate from epoch 11; the validation loss is lowest in epoch 10
    assertTrue(
        run.out().lines().anyMatch(l -> l.startsWith("epoch 10/40") && l.contains("rate 0.01000")),
        run::toString);
    assertTrue(
        run.out().lines().anyMatch(l -> l.startsWith("epoch 12/40") && l.contains("rate 0.005000")),
        run::toString);
    assertTrue(run.out().contains("for 13 epochs on 193 examples"), run::toString);
    assertTrue(
        run.out()
            .contains(
                "stopped early: the validation loss last improved in epoch 10"
                    + " (--patience 3), whose parameters it keeps"),
        run::toString);
    String html = Files.readString(dir.resolve("r.html"));
    assertTrue(
        html.contains(
            "inputs: 9 (island=Biscoe, island=Dream, island=Torgersen," + " bill_length_mm"),
        "the report lists the encoded inputs");
    assertTrue(html.contains("schedule: step:0.5:10"), "the report lists the schedule");

    Cli.Run noValidation = Cli.run("train", PENGUINS_NN, "--data", trainCsv, "--patience", "3");
    assertEquals(1, noValidation.exitCode(), noValidation::toString);
    assertEquals(
        "netc: --patience 3: early stopping watches the validation loss; add --validate"
            + " FRACTION (0.2, say)\n",
        noValidation.err());
    Cli.Run badSchedule =
        Cli.run("train", PENGUINS_NN, "--data", trainCsv, "--schedule", "step:0.5");
    assertEquals(1, badSchedule.exitCode(), badSchedule::toString);
    assertEquals(
        "netc: --schedule step:0.5: expected step:FACTOR:EVERY, for example" + " step:0.5:20\n",
        badSchedule.err());
  }

  @Test
  void balancedClassWeightsChangeTheTrainingAndNeedClasses() throws Exception {
    Path plain = dir.resolve("plain.json");
    Path balanced = dir.resolve("balanced.json");
    Object[] common = {
      "train",
      PENGUINS_NN,
      "--data",
      trainCsv,
      "--label",
      "species",
      "--ignore",
      "year",
      "--scale",
      "standard",
      "--epochs",
      "20",
      "--test",
      testCsv,
      "--out"
    };
    Cli.Run unweighted = Cli.run(concat(common, plain));
    Cli.Run weighted = Cli.run(concat(common, balanced, "--class-weights", "balanced"));
    assertEquals(0, unweighted.exitCode(), unweighted::toString);
    assertEquals(0, weighted.exitCode(), weighted::toString);
    Matcher accuracy = Pattern.compile("accuracy\\s+([0-9.]+)%").matcher(weighted.out());
    assertTrue(accuracy.find(), weighted::toString);
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 97, weighted::toString);
    assertTrue(
        !Files.readString(plain).equals(Files.readString(balanced)),
        "the weights change the training");

    Cli.Run regression =
        Cli.run(
            "train",
            PENGUINS_NN,
            "--data",
            trainCsv,
            "--targets",
            "body_mass_g",
            "--class-weights",
            "balanced");
    assertEquals(1, regression.exitCode(), regression::toString);
    assertEquals(
        "netc: --class-weights balanced: "
            + trainCsv
            + " has numeric targets, not"
            + " classes; class weights are for a class label column\n",
        regression.err());
    Cli.Run other = Cli.run("train", PENGUINS_NN, "--data", trainCsv, "--class-weights", "inverse");
    assertEquals(1, other.exitCode(), other::toString);
    assertEquals("netc: --class-weights inverse: expected balanced\n", other.err());
  }

  private static Object[] concat(Object[] first, Object... more) {
    Object[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
