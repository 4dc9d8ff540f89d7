package dev.netc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netc.runtime.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private DataException fails(CsvLoader loader, String text) throws IOException {
    Path file = write("bad.csv", text);
    return assertThrows(DataException.class, () -> loader.load(file));
  }

  private String message(CsvLoader loader, String text) throws IOException {
    return fails(loader, text).getMessage().replace(dir.resolve("bad.csv").toString(), "bad.csv");
  }

  @Test
  void irisLoadsWithIntegerClassesInNumericOrder() {
    Dataset iris = TestData.iris();
    assertEquals(150, iris.size());
    assertEquals(4, iris.featureCount());
    assertEquals(List.of("0", "1", "2"), iris.classNames());
    assertEquals(
        List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"),
        iris.featureNames());
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.features(0));
    assertArrayEquals(new double[] {1, 0, 0}, iris.target(0));
    assertEquals(2, iris.label(149));
  }

  @Test
  void labelByNameIgnoredColumnsAndSeparator() throws IOException {
    Path file = write("d.csv", "id;species;a;b\n1;cat;1.5;2\n2;dog;-3;4e1\n3;cat;.5;0\n");
    Dataset data = new CsvLoader().separator(';').label("species").ignore("id").load(file);
    assertEquals(List.of("a", "b"), data.featureNames());
    assertEquals(List.of("cat", "dog"), data.classNames());
    assertArrayEquals(new double[] {-3, 40}, data.features(1));
    assertArrayEquals(new double[] {0, 1}, data.target(1));
    Dataset byIndex = new CsvLoader().separator(';').label(1).ignore(0).load(file);
    assertArrayEquals(data.features(2), byIndex.features(2));
    Dataset both = new CsvLoader().separator(';').label(1).ignore("id").ignore(-1).load(file);
    assertEquals(List.of("a"), both.featureNames());
  }

  @Test
  void classNamesAreSortedAsNumbersWhenIntegers() throws IOException {
    Path file = write("d.csv", "x,y\n1,10\n2,9\n3,+2\n4,02\n");
    Dataset data = new CsvLoader().load(file);
    assertEquals(List.of("2", "9", "10"), data.classNames());
    assertEquals(0, data.label(3));
  }

  @Test
  void numericTargetsForRegressionAndNoHeader() throws IOException {
    Path file = write("r.csv", "1,2,3,4\n5,6,7,8\n");
    Dataset data = new CsvLoader().header(false).targets(-2, -1).load(file);
    assertEquals(List.of(), data.classNames());
    assertEquals(List.of("column1", "column2"), data.featureNames());
    assertArrayEquals(new double[] {7, 8}, data.target(1));
    Dataset noTargets = new CsvLoader().header(false).noTargets().load(file);
    assertEquals(4, noTargets.featureCount());
    assertEquals(0, noTargets.targetCount());
  }

  @Test
  void fixedClassNamesRejectUnknownClasses() throws IOException {
    CsvLoader loader = new CsvLoader().classNames(List.of("cat", "dog"));
    assertEquals(
        "bad.csv, line 3, column 2 (label): unknown class 'bird' (the network knows: "
            + "cat, dog)",
        message(loader, "x,label\n1,cat\n2,bird\n"));
  }

  @Test
  void nonNumericValue() throws IOException {
    assertEquals(
        "bad.csv, line 3, column 2 (b): expected a number, got \"abc\"",
        message(new CsvLoader(), "a,b,label\n1,2,0\n3,abc,1\n"));
  }

  @Test
  void missingValue() throws IOException {
    assertEquals(
        "bad.csv, line 2, column 1 (a): missing value (expected a number)",
        message(new CsvLoader(), "a,b,label\n,2,0\n"));
    assertEquals(
        "bad.csv, line 2, column 3 (label): missing class label (expected a class name "
            + "or number)",
        message(new CsvLoader(), "a,b,label\n1,2,\n"));
  }

  @Test
  void wrongRowLength() throws IOException {
    assertEquals(
        "bad.csv, line 4: expected 3 values (as in the header), got 2",
        message(new CsvLoader(), "a,b,label\n1,2,0\n\n1,2\n"));
  }

  @Test
  void emptyFileAndHeaderOnly() throws IOException {
    assertEquals(
        "bad.csv: the file is empty (expected a header row and rows of comma-separated "
            + "values)",
        message(new CsvLoader(), ""));
    assertEquals(
        "bad.csv: has a header row but no data rows", message(new CsvLoader(), "a,b,label\n"));
  }

  @Test
  void binaryFileIsNotACsv() throws IOException {
    Path file = dir.resolve("image.csv");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF, (byte) 0xFE});
    DataException e = assertThrows(DataException.class, () -> new CsvLoader().load(file));
    assertEquals(file + ": is not a CSV file (not UTF-8 text; binary data?)", e.getMessage());
    Path zeros = dir.resolve("zeros.csv");
    Files.write(zeros, new byte[] {'a', ',', 'b', '\n', 0, 0, ',', '1', '\n'});
    assertEquals(
        zeros + ", line 2: is not a CSV file (binary data)",
        assertThrows(DataException.class, () -> new CsvLoader().load(zeros)).getMessage());
  }

  @Test
  void unknownColumnNameListsTheHeader() throws IOException {
    assertEquals(
        "bad.csv, line 1: no column named 'species' (the header has: a, b, label)",
        message(new CsvLoader().label("species"), "a,b,label\n1,2,0\n"));
  }

  @Test
  void infiniteOrHexNumbersAreNotNumbers() throws IOException {
    assertEquals(
        "bad.csv, line 2, column 1 (a): expected a number, got \"NaN\"",
        message(new CsvLoader(), "a,label\nNaN,0\n"));
    assertEquals(
        "bad.csv, line 2, column 1 (a): number out of range: \"1e999\"",
        message(new CsvLoader(), "a,label\n1e999,0\n"));
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.csv");
    assertEquals(
        file + ": file not found",
        assertThrows(DataException.class, () -> new CsvLoader().load(file)).getMessage());
  }

  @Test
  void byteOrderMarkAndCrLfAreAccepted() throws IOException {
    Path file = write("bom.csv", "\uFEFFa,label\r\n1,x\r\n");
    Dataset data = new CsvLoader().load(file);
    assertEquals(List.of("a"), data.featureNames());
    assertEquals(List.of("x"), data.classNames());
  }
}
