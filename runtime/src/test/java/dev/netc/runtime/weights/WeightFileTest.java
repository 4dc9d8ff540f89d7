package dev.netc.runtime.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netc.runtime.data.Preprocessor;
import dev.netc.runtime.data.Scaler;
import dev.netc.runtime.init.NetcRandom;
import dev.netc.runtime.network.ParameterTensor;
import dev.netc.runtime.testing.ReferenceMlp;
import dev.netc.runtime.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFileTest {
  @TempDir Path dir;

  private static ReferenceMlp net() {
    return ReferenceMlp.classifier(4, 3, 2, 5, 0.1, 0);
  }

  private static final Scaler SCALER =
      new Scaler(Scaler.Kind.STANDARD, new double[] {1, 2, 3, 4}, new double[] {0.5, 1, 2, 3});

  private Path saved(ReferenceMlp net) throws IOException {
    Path file = dir.resolve("w.json");
    WeightFile.capture(net, List.of("no", "yes"), List.of("a", "b", "c", "d"), SCALER).write(file);
    return file;
  }

  @Test
  void everyDoubleReadsBackBitForBit() throws IOException {
    ReferenceMlp net = net();
    NetcRandom random = new NetcRandom(1);
    double[] special = {
      0.1,
      -0.0,
      0.0,
      Double.MIN_VALUE,
      -Double.MAX_VALUE,
      1e-310,
      1 / 3.0,
      2.2250738585072014E-308,
      9007199254740993.0,
      5e-324,
      123456789.12345678
    };
    int k = 0;
    for (ParameterTensor t : net.parameters()) {
      for (int i = 0; i < t.size(); i++, k++) {
        t.set(
            i,
            k < special.length
                ? special[k]
                : Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL)
                    * (random.nextDouble() < 0.5 ? -1 : 1));
      }
    }
    Path file = saved(net);
    ReferenceMlp other = ReferenceMlp.classifier(4, 3, 2, 77, 0.1, 0);
    WeightFile read = WeightFile.load(file, other);
    assertTrue(TestData.sameBits(TestData.parameters(net), TestData.parameters(other)));
    assertEquals(List.of("no", "yes"), read.classNames());
    assertEquals(List.of("a", "b", "c", "d"), read.featureNames());
    assertEquals(SCALER, read.scaler().orElseThrow());
    assertEquals("Classifier", read.network());
    assertEquals(net.spec().fingerprint(), read.fingerprint());
  }

  @Test
  void theFileIsReadableJsonWithOneWeightRowPerLine() throws IOException {
    ReferenceMlp net = net();
    net.parameters().get(0).setAll(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    String text = Files.readString(saved(net));
    assertTrue(
        text.startsWith(
            "{\n  \"format\": \"netc-weights\",\n  \"version\": 2,\n"
                + "  \"network\": \"Classifier\",\n"),
        text);
    assertTrue(
        text.contains(
            "\"weights\": [\n        [1.0, 2.0, 3.0, 4.0],\n"
                + "        [5.0, 6.0, 7.0, 8.0],\n        [9.0, 10.0, 11.0, 12.0]\n      ],"),
        text);
    assertTrue(text.contains("\"topology\": \"4 -> 3 tanh -> 2 softmax\""), text);
    assertTrue(text.contains("\"classes\": [\"no\", \"yes\"]"), text);
    assertTrue(
        text.contains(
            "\"scaling\": {\n    \"kind\": \"standard\",\n"
                + "    \"offset\": [1.0, 2.0, 3.0, 4.0],"),
        text);
  }

  @Test
  void anotherTopologyIsRefusedWithWhatDiffersAndNothingIsSet() throws IOException {
    Path file = saved(net());
    ReferenceMlp wider = ReferenceMlp.classifier(4, 5, 2, 1, 0.1, 0);
    List<double[]> before = TestData.parameters(wider);
    WeightFileException e =
        assertThrows(WeightFileException.class, () -> WeightFile.load(file, wider));
    assertEquals(
        file
            + ": was saved from a different network: layer 1 is '3 tanh' in the file, "
            + "'5 tanh' in Classifier (file: 4 -> 3 tanh -> 2 softmax, network: 4 -> 5 tanh -> 2 "
            + "softmax). Use the .nn file these weights were trained with, or train this network "
            + "anew.",
        e.getMessage());
    assertTrue(TestData.sameBits(before, TestData.parameters(wider)));

    ReferenceMlp regression =
        new ReferenceMlp(
            "Classifier",
            4,
            new int[] {3, 2},
            new String[] {"tanh", "linear"},
            "squared_error",
            1,
            0.1,
            0);
    String message =
        assertThrows(WeightFileException.class, () -> WeightFile.load(file, regression))
            .getMessage();
    assertTrue(
        message.contains(
            "layer 2 is '2 softmax' in the file, '2 linear' in Classifier; "
                + "loss cross_entropy in the file, squared_error in Classifier"),
        message);
  }

  @Test
  void truncatedFilesAreRejectedAndNeverHalfLoaded() throws IOException {
    Path file = saved(net());
    byte[] bytes = Files.readAllBytes(file);
    for (int cut : new int[] {bytes.length / 3, bytes.length / 2, bytes.length - 3}) {
      Path broken = dir.resolve("cut" + cut + ".json");
      Files.write(broken, Arrays.copyOf(bytes, cut));
      ReferenceMlp target = net();
      target.parameters().get(0).set(0, 42);
      List<double[]> before = TestData.parameters(target);
      WeightFileException e =
          assertThrows(WeightFileException.class, () -> WeightFile.load(broken, target));
      assertTrue(
          e.getMessage().startsWith(broken + ": is truncated (the JSON ends early, line "),
          e.getMessage());
      assertTrue(TestData.sameBits(before, TestData.parameters(target)));
    }
  }

  @Test
  void damagedFilesSayWhatIsWrong() throws IOException {
    String good = Files.readString(saved(net()));
    assertEquals(
        "x.json: is not valid JSON (line 1, column 2: Unexpected character ('x' (code "
            + "120)): was expecting double-quote to start field name); it was not loaded (expected a "
            + "netc weight file)",
        error("{x", "x.json"));
    assertEquals("x.json: the file is empty (expected a netc weight file)", error("", "x.json"));
    assertEquals(
        "x.json: is not a netc weight file (expected \"format\": \"netc-weights\", found "
            + "\"other\")",
        error(good.replace("netc-weights", "other"), "x.json"));
    assertEquals(
        "x.json: has format version 3; this netc reads versions 1 to 2 (written by a "
            + "newer netc: upgrade)",
        error(good.replace("\"version\": 2", "\"version\": 3"), "x.json"));
    String shortRow =
        good.replaceFirst(
            "\\[(-?[0-9.E-]+), (-?[0-9.E-]+), (-?[0-9.E-]+), " + "(-?[0-9.E-]+)\\]",
            "[$1, $2, $3]");
    assertEquals(
        "x.json: layers[0] ('layer1'): row 0 of \"weights\" has 3 values, expected 4 "
            + "(the units of the layer below); the file is damaged",
        error(shortRow, "x.json"));
    assertEquals(
        "x.json: layers[1].bias[0] is \"a\", expected a number; the file is damaged",
        error(good.replace("\"bias\": [0.0, 0.0]\n", "\"bias\": [\"a\", 0.0]\n"), "x.json"));
  }

  private String error(String text, String name) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return assertThrows(WeightFileException.class, () -> WeightFile.load(file, net()))
        .getMessage()
        .replace(file.toString(), name);
  }

  @Test
  void writingIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("w.json");
    Files.writeString(file, "old");
    WeightFile.capture(net(), List.of("a", "b"), List.of(), null).write(file);
    assertTrue(Files.readString(file).startsWith("{"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
    WeightFile read = WeightFile.read(file);
    assertFalse(read.scaler().isPresent());
    assertArrayEquals(net().parameters().get(3).toArray(), read.layers().get(1).bias());
  }

  @Test
  void aDivergedNetworkCannotBeSaved() {
    ReferenceMlp net = net();
    net.parameters().get(1).set(0, Double.NaN);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WeightFile.capture(net, List.of(), List.of(), null).toJson());
    assertEquals("layer1.bias holds NaN: a diverged network cannot be saved", e.getMessage());
  }

  /** Island (2 values), bill and zip: 4 inputs, as {@link #net()} takes. */
  private static final Preprocessor PREPROCESSOR =
      new Preprocessor(
          List.of(
              Preprocessor.Column.categorical("island", List.of("Biscoe", "Dream")),
              Preprocessor.Column.numeric("bill", 43.9219298245614),
              Preprocessor.Column.numeric("zip", 0.1)),
          List.of("id"),
          "sex",
          List.of(),
          List.of("no", "yes"),
          SCALER);

  @Test
  void thePreprocessingReadsBackEqualAndEncodesTheSame() throws IOException {
    ReferenceMlp net = net();
    Path file = dir.resolve("p.json");
    WeightFile.capture(net, PREPROCESSOR).write(file);
    WeightFile read = WeightFile.load(file, ReferenceMlp.classifier(4, 3, 2, 77, 0.1, 0));
    Preprocessor back = read.preprocessor().orElseThrow();
    assertEquals(PREPROCESSOR, back);
    assertEquals(List.of("no", "yes"), read.classNames());
    assertEquals(List.of("island=Biscoe", "island=Dream", "bill", "zip"), read.featureNames());
    assertEquals(SCALER, read.scaler().orElseThrow());
    Map<String, String> row = Map.of("island", "Dream", "bill", "NA", "zip", "7");
    assertArrayEquals(PREPROCESSOR.encode(row), back.encode(row));
    String text = Files.readString(file);
    assertTrue(
        text.contains(
            """
          "preprocessing": {
            "label": "sex",
            "targets": [],
            "ignored": ["id"],
            "columns": [
              {
                "name": "island",
                "type": "categorical",
                "values": ["Biscoe", "Dream"]
              },
              {
                "name": "bill",
                "type": "numeric",
                "fill": 43.9219298245614
              },
        """),
        text);
  }

  @Test
  void damagedPreprocessingSaysWhatIsWrong() throws IOException {
    Path file = dir.resolve("p.json");
    WeightFile.capture(net(), PREPROCESSOR).write(file);
    String good = Files.readString(file);
    assertEquals(
        "x.json: preprocessing.columns[0].type is \"ordinal\", expected \"numeric\" or"
            + " \"categorical\"; the file is damaged",
        error(good.replace("\"categorical\"", "\"ordinal\""), "x.json"));
    assertEquals(
        "x.json: \"preprocessing\" encodes 5 inputs (island=Biscoe, island=Dream,"
            + " island=Torgersen, bill, zip) but the file has input 4 and features island=Biscoe,"
            + " island=Dream, bill, zip; the file is damaged",
        error(
            good.replace("[\"Biscoe\", \"Dream\"]", "[\"Biscoe\", \"Dream\", \"Torgersen\"]"),
            "x.json"));
    assertEquals(
        "x.json: preprocessing.columns[0]: values of categorical column 'island' must be"
            + " distinct and sorted: 'Dream' before 'Biscoe'; the file is damaged",
        error(good.replace("[\"Biscoe\", \"Dream\"]", "[\"Dream\", \"Biscoe\"]"), "x.json"));
    assertEquals(
        "x.json: \"preprocessing.columns[1].fill\" is missing or not a number; the file is"
            + " damaged or not a netc file",
        error(good.replace("\"fill\": 43.9219298245614", "\"fill\": \"x\""), "x.json"));
  }

  /**
   * A file of format version 1, as netc wrote before the preprocessing was added (from {@code
   * ReferenceMlp.classifier(4, 3, 2, 5, 0.1, 0)} and {@link #SCALER}), still loads.
   */
  @Test
  void filesOfVersionOneStillLoad() throws IOException {
    Path file = dir.resolve("v1.json");
    try (var in =
        WeightFileTest.class.getResourceAsStream("/weights/classifier-version1.weights.json")) {
      Files.write(file, in.readAllBytes());
    }
    assertTrue(Files.readString(file).contains("\"version\": 1,"));
    ReferenceMlp target = ReferenceMlp.classifier(4, 3, 2, 77, 0.1, 0);
    WeightFile read = WeightFile.load(file, target);
    assertTrue(
        TestData.sameBits(
            TestData.parameters(ReferenceMlp.classifier(4, 3, 2, 5, 0.1, 0)),
            TestData.parameters(target)));
    assertTrue(read.preprocessor().isEmpty());
    assertEquals(SCALER, read.scaler().orElseThrow());
    assertEquals(List.of("no", "yes"), read.classNames());
    assertEquals(List.of("a", "b", "c", "d"), read.featureNames());
  }
}
