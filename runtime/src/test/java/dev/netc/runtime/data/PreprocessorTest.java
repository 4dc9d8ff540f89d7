package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreprocessorTest {
  /** Island is categorical (words), bill numeric with missing values, zip numbers. */
  private static final String TRAINING =
      """
      id,island,bill,zip,species
      1,Dream,40,02139,Adelie
      2,Biscoe,NA,10001,Gentoo
      3, Biscoe ,50,02139,Gentoo
      4,NA,30,10001,Adelie
      5,Torgersen,,94105,Chinstrap
      """;

  private static RawTable table(String text) {
    return new CsvLoader().table(new StringReader(text), "t.csv");
  }

  private static Preprocessor fitted() {
    return Preprocessor.fit(table(TRAINING), new Preprocessor.Options().ignore("id"));
  }

  private static Map<String, String> row(String island, String bill, String zip) {
    Map<String, String> row = new HashMap<>();
    row.put("island", island);
    row.put("bill", bill);
    row.put("zip", zip);
    return row;
  }

  @Test
  void wordsMakeACategoricalColumnOneInputPerSortedTrainingValue() {
    Preprocessor p = fitted();
    assertEquals(
        List.of(
            Preprocessor.Column.categorical("island", List.of("Biscoe", "Dream", "Torgersen")),
            Preprocessor.Column.numeric("bill", 40.0),
            Preprocessor.Column.numeric("zip", (2139 + 10001 + 2139 + 10001 + 94105) / 5.0)),
        p.columns());
    assertEquals(
        List.of("island=Biscoe", "island=Dream", "island=Torgersen", "bill", "zip"),
        p.featureNames());
    assertEquals(5, p.width());
    assertEquals(List.of("Adelie", "Chinstrap", "Gentoo"), p.classNames());
    assertEquals("species", p.label().orElseThrow());
    assertEquals(List.of("id"), p.ignored());
    assertArrayEquals(new double[] {0, 1, 0, 40, 2139}, p.encode(row("Dream", "40", "02139")));
    assertArrayEquals(new double[] {0, 0, 1, 45.5, 7}, p.encode(row("Torgersen", "45.5", "7")));
  }

  @Test
  void aWholeTableEncodesAsItsRowsDoWithOneHotTargets() {
    Preprocessor p = fitted();
    Preprocessor.Encoded encoded = p.encode(table(TRAINING));
    Dataset data = encoded.data();
    assertEquals(p.featureNames(), data.featureNames());
    assertEquals(p.classNames(), data.classNames());
    assertArrayEquals(new double[] {1, 0, 0, 40, 10001}, data.features(1)); // NA bill: the mean
    assertArrayEquals(new double[] {1, 0, 0, 50, 2139}, data.features(2)); // " Biscoe " trimmed
    assertArrayEquals(new double[] {0, 0, 0, 30, 10001}, data.features(3)); // NA island: zeros
    assertArrayEquals(new int[] {0, 2, 2, 0, 1}, data.labels());
    assertEquals(List.of(), encoded.unseen());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "NA", "na", " N/A ", "n/a", "NaN", "nan", "null", "NULL", "?"})
  void everyMissingMarkerImputesTheMeanOrZeros(String marker) {
    Preprocessor p = fitted();
    assertTrue(Preprocessor.isMissing(marker));
    assertArrayEquals(new double[] {0, 0, 0, 40, 23677}, p.encode(row(marker, marker, marker)));
  }

  @Test
  void nullAndAbsentValuesAreMissingAndOtherWordsAreNot() {
    Preprocessor p = fitted();
    assertTrue(Preprocessor.isMissing(null));
    assertArrayEquals(new double[] {0, 0, 0, 40, 23677}, p.encode(Map.of()));
    for (String word : List.of("N.A.", "none", "-", "0", "NAN?", "nil")) {
      assertFalse(Preprocessor.isMissing(word), word);
    }
  }

  @Test
  void valuesNotSeenInTrainingEncodeAsZerosAndAreCountedPerColumn() {
    Preprocessor p = fitted();
    assertArrayEquals(new double[] {0, 0, 0, 41, 1}, p.encode(row("Mars", "41", "1")));
    assertArrayEquals(new double[] {0, 0, 0, 41, 1}, p.encode(row("dream", "41", "1")));
    Preprocessor.Encoded encoded =
        p.encode(
            table(
                """
        island,bill,zip
        Mars,1,1
        Dream,2,2
        Venus,3,3
        Mars,4,4
        """));
    assertEquals(List.of(new Preprocessor.Unseen("island", 3, "Mars")), encoded.unseen());
    assertArrayEquals(new double[] {0, 0, 0, 3, 3}, encoded.data().features(2));
  }

  @Test
  void namedCategoricalColumnsTreatNumericCodesAsCategories() {
    Preprocessor p =
        Preprocessor.fit(
            table(TRAINING), new Preprocessor.Options().ignore("id").categorical("zip"));
    assertEquals(
        Preprocessor.Column.categorical("zip", List.of("02139", "10001", "94105")),
        p.columns().get(2));
    assertEquals(
        List.of(
            "island=Biscoe",
            "island=Dream",
            "island=Torgersen",
            "bill",
            "zip=02139",
            "zip=10001",
            "zip=94105"),
        p.featureNames());
    assertArrayEquals(new double[] {0, 1, 0, 40, 0, 0, 1}, p.encode(row("Dream", "40", "94105")));
    // "2139" is not the training value "02139": a category is its text
    assertArrayEquals(new double[] {0, 1, 0, 40, 0, 0, 0}, p.encode(row("Dream", "40", "2139")));
  }

  @Test
  void columnsComeInAnyOrderExtraColumnsAreIgnoredAndTheLabelIsOptional() {
    Preprocessor p = fitted();
    Dataset shuffled =
        p.encode(
                table(
                    """
        species,zip,extra,bill,island
        Gentoo,10001,x,NA,Biscoe
        Adelie,02139,y,30,Dream
        """))
            .data();
    assertArrayEquals(new double[] {1, 0, 0, 40, 10001}, shuffled.features(0));
    assertArrayEquals(new double[] {0, 1, 0, 30, 2139}, shuffled.features(1));
    assertArrayEquals(new int[] {2, 0}, shuffled.labels());
    Dataset unlabelled =
        p.encode(
                table(
                    """
        zip,bill,island
        10001,NA,Biscoe
        """))
            .data();
    assertFalse(unlabelled.hasTargets());
    assertArrayEquals(new double[] {1, 0, 0, 40, 10001}, unlabelled.features(0));

    Preprocessor.Header header = p.header("rows", List.of("zip", "island", "bill", "note"));
    double[] out = new double[p.width()];
    header.encode(new String[] {"7", "Torgersen", "1.5", "anything"}, out);
    assertArrayEquals(new double[] {0, 0, 1, 1.5, 7}, out);
    assertFalse(header.hasTargets());
  }

  @Test
  void theScalingFittedOnTheEncodedDataIsAppliedAfterEncoding() {
    Preprocessor plain = fitted();
    Dataset encoded = plain.encode(table(TRAINING)).data();
    Scaler scaler = Scaler.fit(Scaler.Kind.MIN_MAX, encoded);
    Preprocessor p = plain.withScaler(scaler);
    double[] expected = plain.encode(row("Dream", "45", "10001"));
    scaler.applyInPlace(expected);
    assertArrayEquals(expected, p.encode(row("Dream", "45", "10001")));
    assertArrayEquals(
        new double[] {0, 1, 0, 0.75, (10001 - 2139) / (94105.0 - 2139)}, expected, 1e-15);
    assertArrayEquals(
        scaler.apply(encoded).features(3), p.encode(table(TRAINING)).data().features(3));
  }

  @Test
  void badValuesNameTheRowAndColumn() {
    Preprocessor p = fitted();
    assertEquals(
        "t.csv, line 3, column 3 (bill): expected a number, got \"abc\"",
        assertThrows(
                DataException.class,
                () ->
                    p.encode(
                        table(
                            """
            id,island,bill,zip
            1,Dream,1,1
            2,Dream,abc,1
            """)))
            .getMessage());
    assertEquals(
        "row, column 'bill': expected a number, got \"12,5\"",
        assertThrows(DataException.class, () -> p.encode(row("Dream", "12,5", "1"))).getMessage());
    assertEquals(
        "t.csv, line 2, column 4 (zip): number out of range: \"1e999\"",
        assertThrows(
                DataException.class,
                () ->
                    p.encode(
                        table(
                            """
            id,island,bill,zip
            1,Dream,1,1e999
            """)))
            .getMessage());
    assertEquals(
        "t.csv, line 3, column 5 (species): unknown class 'Emperor' (the network knows:"
            + " Adelie, Chinstrap, Gentoo)",
        assertThrows(
                DataException.class,
                () ->
                    p.encode(
                        table(
                            """
            id,island,bill,zip,species
            1,Dream,1,1,Adelie
            2,Dream,1,1,Emperor
            """)))
            .getMessage());
    assertEquals(
        "t.csv, line 2, column 5 (species): missing class label (expected one of"
            + " Adelie, Chinstrap, Gentoo)",
        assertThrows(
                DataException.class,
                () ->
                    p.encode(
                        table(
                            """
            id,island,bill,zip,species
            1,Dream,1,1,NA
            """)))
            .getMessage());
    assertEquals(
        "t.csv: has no columns bill, zip, which the network was trained with (it needs"
            + " the columns island, bill, zip; the header has: island, species)",
        assertThrows(
                DataException.class,
                () ->
                    p.encode(
                        table(
                            """
            island,species
            Dream,Adelie
            """)))
            .getMessage());
  }

  @Test
  void fittingRefusesWhatCannotBeEncoded() {
    assertEquals(
        "t.csv, column 2 (b): has no values in the training data (every value is"
            + " missing); leave the column out",
        assertThrows(
                DataException.class,
                () -> Preprocessor.fit(table("a,b,c\n1,NA,x\n2,,y\n"), new Preprocessor.Options()))
            .getMessage());
    assertEquals(
        "t.csv, line 3, column 3 (c): missing class label (expected a class name or" + " number)",
        assertThrows(
                DataException.class,
                () -> Preprocessor.fit(table("a,b,c\n1,2,x\n2,3,?\n"), new Preprocessor.Options()))
            .getMessage());
    assertEquals(
        "t.csv, line 1: no column named 'kind' (the header has: a, b, c)",
        assertThrows(
                DataException.class,
                () ->
                    Preprocessor.fit(
                        table("a,b,c\n1,2,x\n"), new Preprocessor.Options().label("kind")))
            .getMessage());
    assertEquals(
        "t.csv, line 1: has two columns named 'a' (columns 1 and 2); rename one",
        assertThrows(
                DataException.class,
                () -> Preprocessor.fit(table("a,a,c\n1,2,x\n"), new Preprocessor.Options()))
            .getMessage());
    assertEquals(
        "t.csv: column 'c' is named categorical but is the label column (categorical"
            + " applies to feature columns)",
        assertThrows(
                DataException.class,
                () ->
                    Preprocessor.fit(
                        table("a,b,c\n1,2,x\n"), new Preprocessor.Options().categorical("c")))
            .getMessage());
  }

  @Test
  void integerLabelsAreClassesInNumericOrderAndRegressionHasTargets() {
    Preprocessor p = Preprocessor.fit(table("x,y\n1,10\n2,+2\n3,02\n"), new Preprocessor.Options());
    assertEquals(List.of("2", "10"), p.classNames());
    assertEquals(0, p.classIndex("+2"));
    assertArrayEquals(
        new int[] {1, 0, 0}, p.encode(table("x,y\n1,10\n2,2\n3,002\n")).data().labels());

    Preprocessor r =
        Preprocessor.fit(table("x,c,y\n1,a,10\n3,b,20\n"), new Preprocessor.Options().targets("y"));
    assertTrue(r.label().isEmpty());
    assertEquals(List.of("y"), r.targets());
    Dataset data = r.encode(table("y,x,c\n7.5,2,b\n")).data();
    assertArrayEquals(new double[] {7.5}, data.target(0));
    assertArrayEquals(new double[] {2, 0, 1}, data.features(0));
    assertFalse(r.encode(table("x,c\n2,b\n")).data().hasTargets());
  }

  @Test
  void rowsWithMissingValuesCanBeDroppedOrRefused() {
    RawTable t = table(TRAINING);
    List<String> used = List.of("island", "bill", "zip", "species");
    RawTable complete = t.withoutMissing(used);
    assertEquals(2, complete.size());
    assertEquals(List.of(2L, 4L), List.of(complete.line(0), complete.line(1)));
    assertEquals(5, t.withoutMissing(List.of("zip")).size());
    assertEquals(
        "t.csv, line 3, column 3 (bill): missing value \"NA\" (this data must be" + " complete)",
        assertThrows(DataException.class, () -> t.requireNoMissing(used)).getMessage());
  }

  @Test
  void aSerializedPreprocessorIsEqualAndEncodesTheSame()
      throws IOException, ClassNotFoundException {
    Preprocessor p =
        fitted()
            .withScaler(Scaler.fit(Scaler.Kind.STANDARD, fitted().encode(table(TRAINING)).data()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    Object back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }
    assertEquals(p, back);
    Map<String, String> row = row("Biscoe", "NA", "3");
    assertArrayEquals(p.encode(row), ((Preprocessor) back).encode(row));
  }

  @Test
  void oneInstanceServesManyThreads() throws Exception {
    Preprocessor p = fitted();
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(
          row(
              List.of("Dream", "Biscoe", "NA", "Mars").get(i % 4),
              i % 7 == 0 ? "NA" : String.valueOf(i),
              String.valueOf(i % 13)));
    }
    double[][] expected = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      expected[i] = p.encode(rows.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  double[] out = new double[p.width()];
                  for (int i = 0; i < rows.size(); i++) {
                    p.encode(rows.get(i), out);
                    if (!Arrays.equals(expected[i], out)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdown();
    }
  }
}
