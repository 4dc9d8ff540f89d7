package dev.netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netc.cli.report.HtmlReportTest;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command, run in process on the samples, with its output and exit code. */
class CommandsTest {
  static final Path IRIS_NN = Cli.resource("iris.nn");
  static final Path IRIS_CSV = Cli.sampleData("iris.csv");

  @TempDir static Path shared;
  @TempDir Path dir;

  static Path irisWeights;
  static Cli.Run irisTraining;

  /** The README's first command (with --out), trained once for the tests that need weights. */
  @BeforeAll
  static void trainIris() {
    irisWeights = shared.resolve("iris.json");
    irisTraining =
        Cli.run(
            "train",
            IRIS_NN,
            "--data",
            IRIS_CSV,
            "--test-fraction",
            "0.3",
            "--seed",
            "1",
            "--scale",
            "standard",
            "--out",
            irisWeights);
  }

  @Test
  void versionAndHelp() {
    Cli.Run version = Cli.run("--version");
    assertEquals(0, version.exitCode(), version::toString);
    assertTrue(version.out().startsWith("netc 0.1.0"), version::toString);
    for (String command :
        List.of(
            "check",
            "compile",
            "train",
            "eval",
            "predict",
            "cv",
            "gradcheck",
            "bench",
            "import",
            "export")) {
      Cli.Run help = Cli.run(command, "--help");
      assertEquals(0, help.exitCode(), help::toString);
      assertTrue(help.out().contains("Usage: netc " + command), help::toString);
    }
    assertTrue(Cli.run("train", "--help").out().contains("--test-fraction=F"));
  }

  @Test
  void checkPrintsEachNetwork() {
    Cli.Run run = Cli.run("check", IRIS_NN, Cli.resource("multi.nn"));
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.out().contains("IrisNet: 4 -> 8 tanh -> 3 softmax, loss cross_entropy, 67 parameters"),
        run::toString);
    assertTrue(run.out().contains("Small: 4 -> 3 softmax"), run::toString);
    assertTrue(run.out().contains("Wide: 4 -> 16 relu -> 3 softmax"), run::toString);
    assertEquals("", run.err());
  }

  @Test
  void compileWritesOneJavaFilePerNetworkBelowItsPackage() throws Exception {
    Cli.Run run =
        Cli.run("compile", IRIS_NN, Cli.resource("multi.nn"), "-d", dir, "--package", "org.acme");
    assertEquals(0, run.exitCode(), run::toString);
    Path iris = dir.resolve("com/example/iris/IrisNet.java");
    String source = Files.readString(iris, StandardCharsets.UTF_8);
    assertTrue(source.contains("package com.example.iris;"), source);
    assertTrue(source.contains("class IrisNet"), source);
    assertTrue(Files.exists(dir.resolve("org/acme/Small.java")), "file without package: --package");
    assertTrue(Files.exists(dir.resolve("org/acme/Wide.java")));
    assertTrue(run.out().contains("IrisNet -> " + iris), run::toString);
  }

  @Test
  void compileLeavesAClassWithTheSameBytesUntouched() throws Exception {
    assertEquals(0, Cli.run("compile", IRIS_NN, "-d", dir).exitCode());
    Path iris = dir.resolve("com/example/iris/IrisNet.java");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(iris, old);
    Cli.Run again = Cli.run("compile", IRIS_NN, "-d", dir);
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(old, Files.getLastModifiedTime(iris));
    Files.writeString(iris, "stale", StandardCharsets.UTF_8);
    assertEquals(0, Cli.run("compile", IRIS_NN, "-d", dir).exitCode());
    assertTrue(Files.readString(iris, StandardCharsets.UTF_8).contains("class IrisNet"));
  }

  @Test
  void trainReachesNinetyFivePercentOnTheIrisTestSplit() throws Exception {
    Cli.Run run = irisTraining;
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.out().contains("training IrisNet on 105 examples: 100 epochs of 105 steps"),
        run::toString);
    assertTrue(run.out().contains("epoch 100/100  loss "), run::toString);
    assertTrue(
        run.out()
            .contains(
                "IrisNet on the test split (45 examples, 30% of "
                    + IRIS_CSV
                    + ", stratified, seed 1):"),
        run::toString);
    Matcher accuracy = Pattern.compile("accuracy\\s+([0-9.]+)% \\((\\d+)/45\\)").matcher(run.out());
    assertTrue(accuracy.find(), run::toString);
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 95.0, run::toString);
    assertTrue(run.out().contains("actual \\ predicted"), "confusion matrix: " + run);
    assertTrue(run.out().contains("macro avg"), "per-class precision/recall/F1: " + run);
    String weights = Files.readString(irisWeights, StandardCharsets.UTF_8);
    assertTrue(
        weights.contains("\"format\" : \"netc-weights\"")
            || weights.contains("\"format\": \"netc-weights\""),
        weights);
    assertTrue(
        weights.contains("\"kind\" : \"standard\"") || weights.contains("\"standard\""),
        "scaling saved: " + weights);
  }

  /** The README's first command, on the samples' own iris.nn. */
  @Test
  void theReadmeCommandReachesNinetyFivePercentWithTheSampleNetwork() {
    Path sample =
        Path.of(System.getProperty("netc.samples", "../samples"), "src/main/netc/iris.nn");
    assumeTrue(Files.exists(sample), "samples/src/main/netc/iris.nn is not there");
    Cli.Run run =
        Cli.run(
            "train",
            sample,
            "--data",
            IRIS_CSV,
            "--test-fraction",
            "0.3",
            "--seed",
            "1",
            "--scale",
            "standard",
            "--out",
            dir.resolve("IrisNet.weights.json"));
    assertEquals(0, run.exitCode(), run::toString);
    Matcher accuracy = Pattern.compile("accuracy\\s+([0-9.]+)% \\((\\d+)/45\\)").matcher(run.out());
    assertTrue(accuracy.find(), run::toString);
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 95.0, run::toString);
  }

  @Test
  void trainIsReproducibleFromTheSeed() throws Exception {
    Path again = dir.resolve("again.json");
    Cli.Run run =
        Cli.run(
            "train",
            IRIS_NN,
            "--data",
            IRIS_CSV,
            "--test-fraction",
            "0.3",
            "--seed",
            "1",
            "--scale",
            "standard",
            "--out",
            again);
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(Files.readString(irisWeights), Files.readString(again));
  }

  @Test
  void resumingFromACheckpointEndsWithTheParametersOfAnUninterruptedRun() throws Exception {
    Object[] common = {
      "train",
      IRIS_NN,
      "--data",
      IRIS_CSV,
      "--test-fraction",
      "0.3",
      "--scale",
      "standard",
      "--batch",
      "8",
      "--threads",
      "2"
    };
    Path full = dir.resolve("full.json");
    Path checkpoint = dir.resolve("checkpoint.json");
    Path resumed = dir.resolve("resumed.json");
    assertEquals(0, Cli.run(concat(common, "--epochs", 6, "--out", full)).exitCode());
    Cli.Run first =
        Cli.run(
            concat(
                common,
                "--epochs",
                3,
                "--checkpoint",
                checkpoint,
                "--every",
                1,
                "--out",
                dir.resolve("part.json")));
    assertEquals(0, first.exitCode(), first::toString);
    Cli.Run rest = Cli.run(concat(common, "--epochs", 6, "--resume", checkpoint, "--out", resumed));
    assertEquals(0, rest.exitCode(), rest::toString);
    assertTrue(rest.out().contains("3 epochs of 14 steps (batch 8, 2 threads)"), rest::toString);
    assertTrue(rest.out().contains("epoch 4/6"), rest::toString);
    assertEquals(Files.readString(full), Files.readString(resumed));
  }

  private static Object[] concat(Object[] first, Object... more) {
    Object[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void evalAppliesTheSavedScalingAndClasses() {
    Cli.Run run = Cli.run("eval", IRIS_NN, "--weights", irisWeights, "--data", IRIS_CSV);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("IrisNet on " + IRIS_CSV + " (150 examples):"), run::toString);
    Matcher accuracy = Pattern.compile("accuracy\\s+([0-9.]+)%").matcher(run.out());
    assertTrue(accuracy.find(), run::toString);
    assertTrue(Double.parseDouble(accuracy.group(1)) >= 95.0, run::toString);
    assertTrue(run.out().contains("macro avg"), run::toString);
  }

  @Test
  void predictPrintsOneLinePerRowWithOrWithoutTheLabelColumn() throws Exception {
    Cli.Run withLabel = Cli.run("predict", IRIS_NN, "--weights", irisWeights, "--data", IRIS_CSV);
    assertEquals(0, withLabel.exitCode(), withLabel::toString);
    List<String> lines = withLabel.out().lines().toList();
    assertEquals(151, lines.size(), withLabel::toString);
    assertEquals("row,class,p_0,p_1,p_2", lines.get(0));
    assertTrue(lines.get(1).startsWith("1,0,0.99"), lines.get(1));
    String[] probabilities = lines.get(150).split(",");
    assertEquals("150", probabilities[0]);
    double sum = 0;
    for (int k = 2; k < 5; k++) {
      sum += Double.parseDouble(probabilities[k]);
    }
    assertEquals(1.0, sum, 1e-5, lines.get(150));

    // The same rows without the label column, written to a file.
    Path rows = dir.resolve("rows.csv");
    List<String> csv =
        Files.readAllLines(IRIS_CSV).stream()
            .map(line -> line.substring(0, line.lastIndexOf(',')))
            .toList();
    Files.write(rows, csv);
    Path out = dir.resolve("predictions.csv");
    Cli.Run noLabel =
        Cli.run("predict", IRIS_NN, "--weights", irisWeights, "--data", rows, "--out", out);
    assertEquals(0, noLabel.exitCode(), noLabel::toString);
    assertEquals("wrote 150 predictions to " + out + "\n", noLabel.out());
    assertEquals(withLabel.out(), Files.readString(out));
  }

  @Test
  void regressionWithNumericTargets() throws Exception {
    Path data = dir.resolve("sine.csv");
    StringBuilder csv = new StringBuilder("id,x,y\n");
    for (int i = 0; i < 120; i++) {
      double x = -3 + 6.0 * i / 119;
      csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", i, x, Math.sin(x)));
    }
    Files.writeString(data, csv);
    Path weights = dir.resolve("sine.json");
    Cli.Run train =
        Cli.run(
            "train",
            Cli.resource("sine.nn"),
            "--data",
            data,
            "--targets",
            "y",
            "--ignore",
            "id",
            "--epochs",
            "60",
            "--batch",
            "4",
            "--test-fraction",
            "0.2",
            "--out",
            weights);
    assertEquals(0, train.exitCode(), train::toString);
    Matcher r2 = Pattern.compile("r2\\s+(-?[0-9.]+)").matcher(train.out());
    assertTrue(r2.find(), train::toString);
    assertTrue(Double.parseDouble(r2.group(1)) > 0.9, "sin fitted: " + train);

    Cli.Run eval =
        Cli.run(
            "eval",
            Cli.resource("sine.nn"),
            "--weights",
            weights,
            "--data",
            data,
            "--targets",
            "3",
            "--ignore",
            "1");
    assertEquals(0, eval.exitCode(), eval::toString);
    assertTrue(eval.out().contains("mse") && eval.out().contains("mae"), eval::toString);
    Cli.Run savedTargets =
        Cli.run("eval", Cli.resource("sine.nn"), "--weights", weights, "--data", data);
    assertEquals(0, savedTargets.exitCode(), savedTargets::toString);
    assertEquals(eval.out(), savedTargets.out(), "the weight file names the target column");
    Cli.Run otherTargets =
        Cli.run(
            "eval",
            Cli.resource("sine.nn"),
            "--weights",
            weights,
            "--data",
            data,
            "--targets",
            "x");
    assertEquals(2, otherTargets.exitCode(), otherTargets::toString);
    assertTrue(
        otherTargets
            .err()
            .contains(
                "--targets x: the target columns of "
                    + weights
                    + " are y; the weight file names the columns"),
        otherTargets::toString);

    Cli.Run predict =
        Cli.run("predict", Cli.resource("sine.nn"), "--weights", weights, "--data", data);
    assertEquals(0, predict.exitCode(), predict::toString);
    List<String> lines = predict.out().lines().toList();
    assertEquals("row,output1", lines.get(0));
    assertEquals(121, lines.size());
    double atZero = Double.parseDouble(lines.get(61).split(",")[1]);
    assertEquals(Math.sin(-3 + 6.0 * 60 / 119), atZero, 0.15, lines.get(61));
  }

  @Test
  void trainMeasuresOnATestFileAndValidatesPerEpoch() throws Exception {
    List<String> rows = Files.readAllLines(IRIS_CSV);
    Path trainCsv = dir.resolve("train.csv");
    Path testCsv = dir.resolve("test.csv");
    List<String> train = new java.util.ArrayList<>(List.of(rows.get(0)));
    List<String> test = new java.util.ArrayList<>(List.of(rows.get(0)));
    for (int i = 1; i < rows.size(); i++) {
      (i % 5 == 0 ? test : train).add(rows.get(i));
    }
    Files.write(trainCsv, train);
    Files.write(testCsv, test);
    Cli.Run run =
        Cli.run(
            "train",
            IRIS_NN,
            "--data",
            trainCsv,
            "--test",
            testCsv,
            "--validate",
            "0.2",
            "--scale",
            "minmax",
            "--epochs",
            "40",
            "--out",
            dir.resolve("iris.json"));
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.out().contains("training IrisNet on 96 examples, validating on 24"), run::toString);
    assertTrue(run.out().contains("val_acc"), run::toString);
    assertTrue(
        run.out().contains("IrisNet on the test file " + testCsv + " (30 examples):"),
        run::toString);
  }

  @Test
  void gradcheckPrintsATablePerLayer() {
    Cli.Run run = Cli.run("gradcheck", IRIS_NN);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("\nhidden\n"), run::toString);
    assertTrue(run.out().contains("\nspecies\n"), run::toString);
    Pattern row = Pattern.compile("weights\\s+32\\s+32\\s+\\S+\\s+\\S+\\s+ok");
    assertTrue(row.matcher(run.out()).find(), run::toString);
    assertTrue(
        run.out().contains("ok: every gradient matches its central difference"), run::toString);
  }

  @Test
  void benchPrintsThroughput() {
    Cli.Run run = Cli.run("bench", IRIS_NN, "--seconds", "0.05", "--examples", "100");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        Pattern.compile("training: +[0-9,]+ examples/s").matcher(run.out()).find(), run::toString);
    assertTrue(
        Pattern.compile("prediction: +[0-9,]+ examples/s").matcher(run.out()).find(),
        run::toString);
  }

  @Test
  void aFileWithSeveralNetworksNeedsNetwork() {
    Cli.Run without = Cli.run("gradcheck", Cli.resource("multi.nn"));
    assertEquals(1, without.exitCode(), without::toString);
    assertTrue(
        without
            .err()
            .contains("declares 2 networks (Small, Wide); choose one with" + " --network NAME"),
        without::toString);
    Cli.Run unknown = Cli.run("gradcheck", Cli.resource("multi.nn"), "--network", "Tall");
    assertEquals(1, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("it declares Small, Wide"), unknown::toString);
    Cli.Run with = Cli.run("gradcheck", Cli.resource("multi.nn"), "--network", "Wide");
    assertEquals(0, with.exitCode(), with::toString);
    assertTrue(
        with.out().contains("gradient check of Wide (4 -> 16 relu -> 3 softmax"), with::toString);
  }

  @Test
  void reportDrawsTheRegionsOfOneSigmoidOutputOnZeroOneTargets() throws Exception {
    Path data = dir.resolve("xor.csv");
    Files.writeString(data, "a,b,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
    Path report = dir.resolve("xor.html");
    Cli.Run run =
        Cli.run(
            "train",
            Cli.resource("xor.nn"),
            "--data",
            data,
            "--targets",
            "t",
            "--epochs",
            "300",
            "--out",
            dir.resolve("xor.json"),
            "--report",
            report);
    assertEquals(0, run.exitCode(), run::toString);
    Matcher mse = Pattern.compile("mse\\s+([0-9.]+)").matcher(run.out());
    assertTrue(mse.find() && Double.parseDouble(mse.group(1)) < 0.05, "XOR learnt: " + run);
    String html = Files.readString(report);
    assertTrue(html.contains("alt=\"decision regions\""), "regions for 0/1 targets");
  }

  @Test
  void reportHasChartsAndDecisionRegionsForTwoInputs() throws Exception {
    Path data = dir.resolve("blobs.csv");
    StringBuilder csv = new StringBuilder("x,y,class\n");
    dev.netc.runtime.init.NetcRandom random = new dev.netc.runtime.init.NetcRandom(5);
    for (int i = 0; i < 80; i++) {
      int c = i % 2;
      csv.append(
          String.format(
              Locale.ROOT,
              "%.4f,%.4f,%s%n",
              random.nextGaussian() + 2.5 * c,
              random.nextGaussian() - 1.5 * c,
              c == 0 ? "left" : "right"));
    }
    Files.writeString(data, csv);
    Path report = dir.resolve("report.html");
    Cli.Run run =
        Cli.run(
            "train",
            Cli.resource("two.nn"),
            "--data",
            data,
            "--epochs",
            "20",
            "--validate",
            "0.25",
            "--test-fraction",
            "0.25",
            "--out",
            dir.resolve("blobs.json"),
            "--report",
            report);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("wrote the report to " + report), run::toString);
    assertTrue(run.out().contains("val_loss"), "validation per epoch: " + run);
    String html = Files.readString(report);
    assertTrue(html.contains("Decision regions"), "two inputs: decision regions");
    assertTrue(html.contains("alt=\"loss\" src=\"data:image/png;base64,"), "loss chart");
    assertTrue(html.contains("alt=\"accuracy\" src=\"data:image/png;base64,"), "accuracy chart");
    assertTrue(html.contains("Confusion matrix") && html.contains("<th>right</th>"), html);
    assertTrue(!html.contains("http://") && !html.contains("https://"), "self-contained");

    assumeTrue(Files.isExecutable(HtmlReportTest.CHROMIUM), "chromium is not installed");
    BufferedImage screenshot = ImageIO.read(HtmlReportTest.screenshot(report, dir).toFile());
    assertTrue(HtmlReportTest.distinctColors(screenshot) > 20, "the report is not blank");
  }
}
